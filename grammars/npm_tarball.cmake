# Fetches pinned npm tarballs at configure time, verifies their sha512 integrity, and unpacks them.

# Decodes a base64 string (as in npm's "sha512-<base64>" integrity) to lowercase hex.
function(residency_base64_to_hex base64 out_var)
    set(alphabet "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    string(REGEX REPLACE "=+$" "" data "${base64}")
    string(LENGTH "${data}" length)
    math(EXPR byte_count "${length} * 6 / 8")
    set(hex "")
    set(index 0)
    while(index LESS length)
        set(group 0)
        foreach(offset RANGE 3)
            math(EXPR pos "${index} + ${offset}")
            set(sextet 0)
            if(pos LESS length)
                string(SUBSTRING "${data}" ${pos} 1 char)
                string(FIND "${alphabet}" "${char}" sextet)
                if(sextet LESS 0)
                    message(FATAL_ERROR "residency: invalid base64 character '${char}' in '${base64}'")
                endif()
            endif()
            math(EXPR group "(${group} << 6) | ${sextet}")
        endforeach()
        # Adding 2^24 keeps leading zeros: the result is always 0x1 followed by six hex digits.
        math(EXPR group "${group} + 16777216" OUTPUT_FORMAT HEXADECIMAL)
        string(SUBSTRING "${group}" 3 6 digits)
        string(APPEND hex "${digits}")
        math(EXPR index "${index} + 4")
    endwhile()
    math(EXPR hex_length "${byte_count} * 2")
    string(SUBSTRING "${hex}" 0 ${hex_length} hex)
    string(TOLOWER "${hex}" hex)
    set(${out_var} "${hex}" PARENT_SCOPE)
endfunction()

# Fails configure unless `file` hashes to `expected_hex`; `what` says where the file came from.
function(residency_verify_tarball file expected_hex spec what)
    file(SHA512 "${file}" actual)
    if(NOT actual STREQUAL expected_hex)
        message(FATAL_ERROR
            "residency: sha512 mismatch for ${spec} (${what})\n"
            "  file:     ${file}\n"
            "  expected: ${expected_hex}\n"
            "  actual:   ${actual}\n"
            "The tarball is corrupt or is not the pinned release; it was not used. "
            "Delete it and configure again to download a fresh copy.")
    endif()
endfunction()

# Makes `<dest_dir>/<filename>` a verified copy of npm package `spec` and unpacks the entries
# matching `patterns` (paths inside the tarball, which start with "package/") into `<out_dir>`.
# Order: verified copy in the build tree, then $ENV{RESIDENCY_NPM_CACHE}, then `npm pack`.
function(residency_fetch_npm_tarball)
    cmake_parse_arguments(arg "" "SPEC;FILENAME;INTEGRITY;DEST_DIR;OUT_DIR" "PATTERNS" ${ARGN})
    if(NOT arg_INTEGRITY MATCHES "^sha512-(.+)$")
        message(FATAL_ERROR "residency: ${arg_SPEC}: only sha512 integrity is supported")
    endif()
    residency_base64_to_hex("${CMAKE_MATCH_1}" expected)

    set(tarball "${arg_DEST_DIR}/${arg_FILENAME}")
    set(shared_cache "$ENV{RESIDENCY_NPM_CACHE}")
    file(MAKE_DIRECTORY "${arg_DEST_DIR}")

    if(EXISTS "${tarball}")
        residency_verify_tarball("${tarball}" "${expected}" "${arg_SPEC}" "copy in the build tree")
    elseif(shared_cache AND EXISTS "${shared_cache}/${arg_FILENAME}")
        residency_verify_tarball("${shared_cache}/${arg_FILENAME}" "${expected}" "${arg_SPEC}"
            "copy in RESIDENCY_NPM_CACHE")
        file(COPY_FILE "${shared_cache}/${arg_FILENAME}" "${tarball}")
        message(STATUS "residency: ${arg_SPEC} from RESIDENCY_NPM_CACHE")
    else()
        find_program(RESIDENCY_NPM npm)
        if(NOT RESIDENCY_NPM)
            message(FATAL_ERROR "residency: npm is needed to fetch ${arg_SPEC}; "
                "run scripts/setup.sh or set RESIDENCY_NPM_CACHE to a directory holding ${arg_FILENAME}")
        endif()
        # Download into a staging directory so an interrupted or bad download never sits where a
        # verified copy is expected.
        set(staging "${arg_DEST_DIR}/.staging")
        file(REMOVE_RECURSE "${staging}")
        file(MAKE_DIRECTORY "${staging}")
        message(STATUS "residency: npm pack ${arg_SPEC}")
        execute_process(
            COMMAND "${RESIDENCY_NPM}" pack "${arg_SPEC}" --ignore-scripts --json
                    --pack-destination "${staging}"
            WORKING_DIRECTORY "${staging}"
            RESULT_VARIABLE result
            OUTPUT_VARIABLE output
            ERROR_VARIABLE errors)
        if(NOT result EQUAL 0 OR NOT EXISTS "${staging}/${arg_FILENAME}")
            message(FATAL_ERROR "residency: `npm pack ${arg_SPEC}` failed (exit ${result}):\n${errors}")
        endif()
        residency_verify_tarball("${staging}/${arg_FILENAME}" "${expected}" "${arg_SPEC}"
            "downloaded by npm pack")
        file(RENAME "${staging}/${arg_FILENAME}" "${tarball}")
        file(REMOVE_RECURSE "${staging}")
        if(shared_cache)
            file(MAKE_DIRECTORY "${shared_cache}")
            file(COPY_FILE "${tarball}" "${shared_cache}/${arg_FILENAME}" ONLY_IF_DIFFERENT)
        endif()
    endif()

    # Unpack once per verified tarball: the stamp records which hash the tree was unpacked from.
    set(stamp "${arg_OUT_DIR}/.residency-sha512")
    if(EXISTS "${stamp}")
        file(READ "${stamp}" unpacked)
        if(unpacked STREQUAL expected)
            return()
        endif()
    endif()
    file(REMOVE_RECURSE "${arg_OUT_DIR}" "${arg_OUT_DIR}.tmp")
    file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${arg_OUT_DIR}.tmp" PATTERNS ${arg_PATTERNS}
        TOUCH)  # fresh mtimes, so a new pin rebuilds objects made from the old one
    file(RENAME "${arg_OUT_DIR}.tmp/package" "${arg_OUT_DIR}")
    file(REMOVE_RECURSE "${arg_OUT_DIR}.tmp")
    file(WRITE "${stamp}" "${expected}")
endfunction()
