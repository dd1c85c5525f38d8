#!/usr/bin/python3
"""The core flow of VoucherDesk driven through the accessibility API alone, as a screen reader
user drives it: AT-SPI (pyatspi) reads names, roles, labelled-by relations and states, and acts
through Action, EditableText, Table and Selection. Keys are synthesised (xdotool) only to choose
an item of an open combo box popup, for which Qt 6.4 offers no accessible action.

Usage: coreflow.py VOUCHERDESK WORKSPACE
Run by run.sh inside Xvfb, a D-Bus session and the AT-SPI bus; exits non-zero on the first step
that cannot be done, saying which."""

import os
import sqlite3
import subprocess
import sys
import time

import pyatspi

TIMEOUT = 15.0


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)


def wait_for(probe, what, timeout=TIMEOUT):
    """Polls probe() until it returns something truthy (the UI answers asynchronously)."""
    end = time.monotonic() + timeout
    while True:
        try:
            value = probe()
        except Exception:  # an object that went away while being read: read again
            value = None
        if value:
            return value
        if time.monotonic() > end:
            raise Failure('timed out: ' + what)
        time.sleep(0.1)


def children(acc):
    try:
        return [acc.getChildAtIndex(i) for i in range(acc.childCount)]
    except Exception:
        return []


def walk(acc, depth=0):
    if acc is None or depth > 30:
        return
    yield acc
    # Table cells are read through the Table interface, not walked.
    if acc.getRole() in (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE):
        return
    for child in children(acc):
        yield from walk(child, depth + 1)


def showing(acc):
    return acc.getState().contains(pyatspi.STATE_SHOWING)


def labels_of(acc):
    names = []
    for relation in acc.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            names += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    return names


def find(root, what, role=None, name=None, label=None, contains=None, visible=True):
    def match(acc):
        if role is not None and acc.getRole() != role:
            return False
        if name is not None and acc.name != name:
            return False
        if contains is not None and contains not in acc.name:
            return False
        if label is not None and label not in labels_of(acc):
            return False
        return not visible or showing(acc)

    return wait_for(lambda: next((a for a in walk(root) if match(a)), None), what)


def do(acc, action):
    actions = acc.queryAction()
    names = [actions.getName(i) for i in range(actions.nActions)]
    check(action in names, '%s "%s" offers no %s action (only %s)' %
          (acc.getRoleName(), acc.name, action, names))
    actions.doAction(names.index(action))


def press(acc):
    do(acc, 'Press')


def type_into(acc, text):
    check(acc.queryEditableText().setTextContents(text), 'cannot type into "%s"' % acc.name)


def application(name):
    def probe():
        desktop = pyatspi.Registry.getDesktop(0)
        return next((a for a in children(desktop) if a and a.name == name), None)

    return wait_for(probe, 'the application "%s" on the AT-SPI bus' % name, 30)


def window(app, role, contains):
    return wait_for(lambda: next((w for w in children(app) if w.getRole() == role and
                                  contains in w.name and showing(w)), None),
                    'a window named "%s…"' % contains)


def row_of(table, column, text):
    cells = table.queryTable()
    for row in range(cells.nRows):
        if cells.getAccessibleAt(row, column).name == text:
            return row
    return -1


def column_of(table, header):
    cells = table.queryTable()
    for column in range(cells.nColumns):
        if cells.getColumnDescription(column) == header:
            return column
    raise Failure('no column "%s" in "%s"' % (header, table.name))


def choose_in_combo(combo, item):
    """Opens the popup through the combo's own action, then moves to the item with the keys."""
    items = [c.name for c in children(children(combo)[0])]
    check(item in items, 'no "%s" in the combo box: %s' % (item, items))
    steps = items.index(item) - items.index(combo.name)
    do(combo, 'ShowMenu')
    wait_for(lambda: showing(children(combo)[0]), 'the popup of "%s"' % combo.name)
    key = 'Down' if steps > 0 else 'Up'
    for _ in range(abs(steps)):
        subprocess.run(['xdotool', 'key', key], check=True)
    subprocess.run(['xdotool', 'key', 'Return'], check=True)
    wait_for(lambda: combo.name == item, 'the combo box to show "%s"' % item)


def select_page(frame, title):
    navigation = find(frame, 'the navigation', name='Navigation')
    check(navigation.getRole() in (pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TABLE),
          'the navigation is a %s' % navigation.getRoleName())
    row = row_of(navigation, 0, title)
    check(row >= 0, 'no "%s" in the navigation' % title)
    check(navigation.queryTable().addRowSelection(row), 'cannot select "%s"' % title)
    find(frame, 'the page title "%s"' % title, role=pyatspi.ROLE_LABEL, name=title)


def sign_in(app, login):
    dialog = window(app, pyatspi.ROLE_DIALOG, 'Sign In')
    type_into(find(dialog, 'the field labelled "Login:"', label='Login:'), login)
    type_into(find(dialog, 'the field labelled "Password:"', label='Password:'), 'voucherdesk')
    press(find(dialog, 'the Sign in button', role=pyatspi.ROLE_PUSH_BUTTON, name='Sign in'))
    return window(app, pyatspi.ROLE_FRAME, 'VoucherDesk —')


def menu_item(frame, menu, item):
    bar = find(frame, 'the menu bar', role=pyatspi.ROLE_MENU_BAR)
    entry = find(bar, 'the menu "%s"' % menu, role=pyatspi.ROLE_MENU_ITEM, name=menu)
    return find(entry, 'the menu item "%s"' % item, role=pyatspi.ROLE_MENU_ITEM, name=item,
                visible=False)


def step(title):
    print('--', title, flush=True)


def partner_manager(app, db):
    step('sign in as manager.a')
    frame = sign_in(app, 'manager.a')

    step('open the Vendor Voucher List and set the status filter')
    select_page(frame, 'Vendor Voucher List')
    status = find(frame, 'the combo box labelled "Status"', role=pyatspi.ROLE_COMBO_BOX,
                  label='Status')
    choose_in_combo(status, 'Pending review')
    table = find(frame, 'the list', role=pyatspi.ROLE_TABLE, name='Vendor Voucher List')
    status_column = column_of(table, 'Status')
    pending = db.execute("SELECT count(*) FROM applications a JOIN partners p ON "
                         "p.id = a.partner_id WHERE p.name = 'Demo Partner A' AND "
                         "a.status = 'pending_review'").fetchone()[0]
    check(pending >= 2, 'the demo workspace has %d pending applications' % pending)
    wait_for(lambda: table.queryTable().nRows == pending,
             'the list to hold the %d pending applications' % pending)
    cells = table.queryTable()
    shown = {cells.getAccessibleAt(r, status_column).name for r in range(cells.nRows)}
    check(shown == {'Pending review'}, 'the filtered list shows %s' % shown)

    step('select a row and read its detail')
    customer_column = column_of(table, 'Customer (UIN)')
    customer = cells.getAccessibleAt(1, customer_column).name
    check(cells.addRowSelection(1), 'cannot select row 2')
    find(frame, 'the detail of "%s"' % customer, role=pyatspi.ROLE_LABEL, contains=customer)
    find(frame, 'the detail status', role=pyatspi.ROLE_LABEL, name='Status: Pending review')

    step('open Create Template and read every field by its label')
    select_page(frame, 'Vendor Voucher Application')
    press(find(frame, 'Create Template', role=pyatspi.ROLE_PUSH_BUTTON, name='Create Template'))
    editor = window(app, pyatspi.ROLE_DIALOG, 'Template')
    inputs = [a for a in walk(editor) if showing(a) and a.getRole() in (
        pyatspi.ROLE_TEXT, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SPIN_BUTTON)]
    unlabelled = []
    read = {}
    for field in inputs:
        if field.name in ('Search products',):  # the picker's own search, named by itself
            continue
        names = labels_of(field)
        if names:
            read[names[0]] = field.name
        else:
            unlabelled.append('%s "%s"' % (field.getRoleName(), field.name))
    check(not unlabelled, 'inputs without a label: %s' % unlabelled)
    expected = {'Name:', 'Face value:', 'Validity:', 'Min spend:', 'Pay mode:', 'Note:'}
    check(expected <= set(read), 'labels read: %s' % sorted(read))
    check(read['Pay mode:'] == 'Prepaid and postpaid',
          'the pay mode combo reads "%s"' % read['Pay mode:'])

    step('Next with nothing filled in: the first invalid field has the focus and its message')
    note = find(editor, 'the Note field', label='Note:')
    note.queryComponent().grabFocus()
    wait_for(lambda: note.getState().contains(pyatspi.STATE_FOCUSED), 'the focus on Note')
    press(find(editor, 'Next', role=pyatspi.ROLE_PUSH_BUTTON, contains='Next'))
    name = find(editor, 'the Name field', role=pyatspi.ROLE_TEXT, label='Name:')
    wait_for(lambda: 'name' in name.description.lower(),
             'the Name field to describe its problem')
    wait_for(lambda: name.getState().contains(pyatspi.STATE_FOCUSED), 'the focus on Name')
    press(find(editor, 'Cancel', role=pyatspi.ROLE_PUSH_BUTTON, name='Cancel'))
    wait_for(lambda: not showing(editor), 'the editor to close')

    step('sign out')
    do(menu_item(frame, 'File', 'Sign Out'), 'Press')


def reviewer(app, db):
    step('sign in as rev1 and open the Review Queue')
    frame = sign_in(app, 'rev1')
    do(menu_item(frame, 'Review', 'Review Queue…'), 'Press')
    queue = window(app, pyatspi.ROLE_FRAME, 'Review Queue')
    table = find(queue, 'the queue', role=pyatspi.ROLE_TABLE, name='Pending applications')
    cells = table.queryTable()
    wait_for(lambda: cells.nRows >= 2, 'two pending applications in the queue')
    customer_column = column_of(table, 'Customer')
    template_column = column_of(table, 'Template')
    # The second row: approving the first (current) one instead is the defect this guards.
    first = cells.getAccessibleAt(0, customer_column).name
    chosen = cells.getAccessibleAt(1, customer_column).name
    template = cells.getAccessibleAt(1, template_column).name
    check(first != chosen, 'the first two rows are for the same customer')

    step('select the second row and approve it')
    check(cells.addRowSelection(1), 'cannot select row 2')
    find(queue, 'the detail naming "%s"' % chosen, role=pyatspi.ROLE_LABEL, name=chosen)
    before = pending_of(db, chosen, template)
    press(find(queue, 'Approve', role=pyatspi.ROLE_PUSH_BUTTON, name='Approve'))
    confirmation = wait_for(lambda: next((w for w in children(app) if w.getRole() in (
        pyatspi.ROLE_ALERT, pyatspi.ROLE_DIALOG) and showing(w)), None), 'the confirmation')
    asked = ' '.join(a.name for a in walk(confirmation) if a.getRole() == pyatspi.ROLE_LABEL)
    check(chosen in asked and template in asked, 'the confirmation says: %s' % asked)
    press(find(confirmation, 'its Approve button', role=pyatspi.ROLE_PUSH_BUTTON, name='Approve'))
    find(queue, 'the outcome', role=pyatspi.ROLE_LABEL,
         contains='Approved the application of %s' % chosen)

    step('the approved application is the selected one')
    check(pending_of(db, chosen, template) == before - 1,
          'no application of %s for %s was approved' % (chosen, template))
    check(row_of(table, customer_column, first) >= 0, 'the first row left the queue too')


def dump(acc, out, depth=0):
    """The tree as a screen reader sees it, for the log of a failed run."""
    try:
        state = 'showing' if showing(acc) else 'hidden'
        out.write('%s%s "%s" %s %s\n' % ('  ' * depth, acc.getRoleName(), acc.name,
                                          labels_of(acc) or '', state))
        if acc.getRole() in (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE):
            out.write('%s  (%d children)\n' % ('  ' * depth, acc.childCount))
            return
        for child in children(acc):
            dump(child, out, depth + 1)
    except Exception as error:
        out.write('%s(gone: %s)\n' % ('  ' * depth, error))


def pending_of(db, customer, template):
    return db.execute("SELECT count(*) FROM applications a JOIN customers c ON c.id = "
                      "a.customer_id JOIN templates t ON t.id = a.template_id WHERE "
                      "c.name = ? AND t.name = ? AND a.status = 'pending_review'",
                      (customer, template)).fetchone()[0]


def main():
    binary, workspace = sys.argv[1], sys.argv[2]
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON='1', LANG='en_US.UTF-8')
    env.pop('QT_QPA_PLATFORM', None)  # the real xcb platform: AT-SPI needs it
    log = open(os.path.join(os.path.dirname(workspace), 'voucherdesk.log'), 'w')
    process = subprocess.Popen([binary, '--workspace', workspace, '--lang', 'en'], env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    db = sqlite3.connect(workspace)
    app = None
    try:
        app = application('voucherdesk')
        partner_manager(app, db)
        reviewer(app, db)
        log.flush()
        with open(log.name, errors='replace') as written:
            reports = [line for line in written if 'runtime error' in line or
                       'AddressSanitizer' in line]
        check(not reports, 'the sanitizers reported: %s' % ''.join(reports[:5]))
        print('core flow completed through AT-SPI')
        return 0
    except Failure as failure:
        print('FAILED:', failure, flush=True)
        tree = os.path.join(os.path.dirname(workspace), 'tree.txt')
        with open(tree, 'w') as out:
            if app is not None:
                dump(app, out)
        print('what the application showed: %s' % tree)
        return 1
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


if __name__ == '__main__':
    sys.exit(main())
