# The layering check must catch what it is for: a copy of the tree, each rule broken once, and
# every break reported by layering.cmake (which then fails).
#   cmake -DROOT=<source root> -DWORK=<scratch folder> -P mutations.cmake

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
foreach(top app core ui server tests)
    file(COPY ${ROOT}/${top} DESTINATION ${WORK} PATTERN "*.json" EXCLUDE)
endforeach()

# file | appended include | what the check must say about it
set(mutations
    "core/base/result.h|\"core/store/database.h\"|core/store/ is above core/base/"
    "core/domain/money.cpp|\"core/commands/session.h\"|core/commands/ is above core/domain/"
    "core/store/database.cpp|\"core/sync/syncengine.h\"|vdcore never includes vdsync or vddemo"
    "core/sync/syncengine.cpp|\"core/demo/demoworkspace.h\"|sit side by side"
    "core/commands/session.cpp|\"ui/mainwindow.h\"|core/ never includes ui/"
    "core/api/changefeed.cpp|\"server/router.h\"|core/ never includes server/"
    "core/queries/voucherlistquery.cpp|\"database.h\"|is not a path from the source root"
    "core/repositories/outbox.cpp|<QNetworkAccessManager>|vdcore does not link Qt Network"
    "core/demo/demonames.cpp|<QWidget>|core/ links no Qt GUI module"
    "ui/mainwindow.cpp|\"server/router.h\"|ui/ never includes server/"
    "ui/page.h|\"app/apptr.h\"|ui/ never includes app/"
    "server/router.cpp|\"core/sync/serverconnection.h\"|server/ links vdcore alone"
    "server/router.cpp|\"ui/page.h\"|server/ links vdcore alone"
    "app/desktop/main.cpp|\"server/router.h\"|app/ never includes server/")
foreach(mutation ${mutations})
    string(REPLACE "|" ";" parts "${mutation}")
    list(GET parts 0 file)
    list(GET parts 1 header)
    file(APPEND ${WORK}/${file} "#include ${header}\n")
endforeach()
file(WRITE ${WORK}/core/unplaced/helper.h "#include \"core/base/result.h\"\n")
list(APPEND mutations "core/unplaced/helper.h|\"core/base/result.h\"|missing from the order")

execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${WORK} -P ${CMAKE_CURRENT_LIST_DIR}/layering.cmake
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
set(missed 0)
foreach(mutation ${mutations})
    string(REPLACE "|" ";" parts "${mutation}")
    list(GET parts 0 file)
    list(GET parts 1 header)
    list(GET parts 2 reason)
    string(FIND "${output}" "${file}: ${header}" at)
    string(FIND "${output}" "${reason}" reason_at)
    if(at LESS 0 OR reason_at LESS 0)
        message(NOTICE "not caught: ${file} including ${header} (${reason})")
        math(EXPR missed "${missed} + 1")
    endif()
endforeach()
list(LENGTH mutations count)
string(REGEX MATCH "layering: ([0-9]+) include" reported "${output}")
if(status EQUAL 0 OR missed GREATER 0 OR NOT CMAKE_MATCH_1 EQUAL count)
    message(FATAL_ERROR "layering check missed ${missed} of ${count} breaks "
                        "(exit status ${status}, reported \"${reported}\"):\n${output}")
endif()
file(REMOVE_RECURSE ${WORK})
message(NOTICE "layering: all ${count} breaks caught")
