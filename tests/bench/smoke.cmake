# Runs voucherdesk-bench on a tiny workspace and checks the JSON it writes.
# -DBENCH=<the executable> -DDIR=<a scratch folder>
file(MAKE_DIRECTORY ${DIR})
set(json ${DIR}/bench.json)
file(REMOVE ${json})
execute_process(
    COMMAND ${BENCH} --workspace ${DIR}/smoke.db --vouchers 2000 --partners 5 --customers 200
            --runs 2 --output ${json}
    RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "voucherdesk-bench exited with ${status}")
endif()
file(READ ${json} text)
# string(JSON) fails the script on malformed JSON or a missing member.
foreach(path
        "machine;cores" "machine;qt" "workspace;list_rows"
        "figures;first_page/reviewer/all;median_ms" "figures;first_page/reviewer/all;sql"
        "figures;first_page/reviewer/all;ratio" "figures;first_page/partner/text_code;median_ms"
        "figures;first_page/partner/status_unused;sql_median_ms"
        "figures;last_row/reviewer/reverse_sort;median_ms" "figures;jump/reviewer/last_row;median_ms"
        "figures;jump/partner/any_row;median_ms" "figures;jump/reviewer/ends_read;rows" "figures;count/reviewer/all;count"
        "figures;count/partner/balance_positive;median_ms" "figures;scroll/reviewer/fetch_more;rows"
        "figures;window_painted_ms;median_ms" "figures;cold_start/sign_in_painted;median_ms"
        "figures;export/partner;rows"
        "figures;export/all;rows_per_s" "figures;rss/end;peak_rss_mb")
    string(JSON value GET "${text}" ${path})
    message(STATUS "${path} = ${value}")
endforeach()
string(JSON rows GET "${text}" workspace list_rows)
if(rows LESS 2000)
    message(FATAL_ERROR "the workspace holds ${rows} list rows, expected at least 2000")
endif()
message(STATUS "bench smoke PASS")
