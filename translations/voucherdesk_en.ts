<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Core</name>
    <message numerus="yes">
        <source>Writing the data stopped after %n application(s); what was written before stays.</source>
        <translation>
            <numerusform>Writing the data stopped after %n application; what was written before stays.</numerusform>
            <numerusform>Writing the data stopped after %n applications; what was written before stays.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) are invalid: %1</source>
        <translation>
            <numerusform>%n field is invalid: %1</numerusform>
            <numerusform>%n fields are invalid: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more</source>
        <translation>
            <numerusform>  … and %n more</numerusform>
            <numerusform>  … and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins for this login. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins for this login. Try again in %n second.</numerusform>
            <numerusform>Too many failed sign-ins for this login. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins from this address. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins from this address. Try again in %n second.</numerusform>
            <numerusform>Too many failed sign-ins from this address. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 can have at most %n item(s).</source>
        <translation>
            <numerusform>%1 can have at most %n item.</numerusform>
            <numerusform>%1 can have at most %n items.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductScopeView</name>
    <message numerus="yes">
        <source>Pays only for these %n product(s):</source>
        <translation>
            <numerusform>Pays only for %n product:</numerusform>
            <numerusform>Pays only for these %n products:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDetailPanel</name>
    <message numerus="yes">
        <source>%n day(s) after issue</source>
        <translation>
            <numerusform>%n day after issue</numerusform>
            <numerusform>%n days after issue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message numerus="yes">
        <source>⚠ overdue %nd</source>
        <extracomment>Days past the review deadline; &quot;d&quot; abbreviates days.</extracomment>
        <translation>
            <numerusform>⚠ overdue %nd</numerusform>
            <numerusform>⚠ overdue %nd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due in %nd</source>
        <extracomment>Days until the review deadline; &quot;d&quot; abbreviates days.</extracomment>
        <translation>
            <numerusform>due in %nd</numerusform>
            <numerusform>due in %nd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScenarioPage</name>
    <message numerus="yes">
        <source>Describe the scenario in at least %1 characters; %n more needed.</source>
        <translation>
            <numerusform>Describe the scenario in at least %1 characters; %n more needed.</numerusform>
            <numerusform>Describe the scenario in at least %1 characters; %n more needed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <source>The vendor reviews applications in 1–3 business days. Expected by &lt;b&gt;%1&lt;/b&gt; — %Ln business days.</source>
        <extracomment>%1 is a date; %Ln the number of business days (always 3 today).</extracomment>
        <translation>
            <numerusform>The vendor reviews applications in 1–3 business days. Expected by &lt;b&gt;%1&lt;/b&gt; — %Ln business day.</numerusform>
            <numerusform>The vendor reviews applications in 1–3 business days. Expected by &lt;b&gt;%1&lt;/b&gt; — %Ln business days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n waiting to be sent</numerusform>
            <numerusform>%n waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync Problems (%n)</source>
        <translation>
            <numerusform>Sync Problems (%n)</numerusform>
            <numerusform>Sync Problems (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateSummary</name>
    <message numerus="yes">
        <source>%n day(s) after issue</source>
        <translation>
            <numerusform>%n day after issue</numerusform>
            <numerusform>%n days after issue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateTableModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n template</numerusform>
            <numerusform>%n templates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VoucherListPage</name>
    <message numerus="yes">
        <source>Exported %Ln record(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln record to %1</numerusform>
            <numerusform>Exported %Ln records to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
</context>
</TS>
