# `make bench` peer: npm @cdktf/hcl2json (HashiCorp's hcl/v2 as WebAssembly), pinned with its
# integrity like the grammars, fetched into the build tree (never committed) and unpacked as
# <BUILD_DIR>/bench/node_modules/@cdktf/hcl2json. Its one dependency, fs-extra, is replaced by a
# shim over node's own fs: the parser uses only fs.readFile (a promise) to load its .wasm.
# usage: cmake -DBUILD_DIR=build/release -P tests/bench/fetch_hcl2json.cmake
include("${CMAKE_CURRENT_LIST_DIR}/../../grammars/npm_tarball.cmake")

# Bump the version only together with its integrity (`npm view @cdktf/hcl2json@<ver> dist.integrity`).
set(RESIDENCY_HCL2JSON_SPEC "@cdktf/hcl2json@0.21.0")
set(RESIDENCY_HCL2JSON_INTEGRITY
    "sha512-cwX3i/mSJI/cRrtqwEPRfawB7pXgNioriSlkvou8LWiCrrcDe9ZtTbAbu8W1tEJQpe1pnX9VEgpzf/BbM7xF8Q==")

if(NOT BUILD_DIR)
    message(FATAL_ERROR "fetch_hcl2json.cmake: pass -DBUILD_DIR=<build directory>")
endif()
get_filename_component(build_dir "${BUILD_DIR}" ABSOLUTE)
set(modules "${build_dir}/bench/node_modules")
residency_fetch_npm_tarball(
    SPEC "${RESIDENCY_HCL2JSON_SPEC}"
    INTEGRITY "${RESIDENCY_HCL2JSON_INTEGRITY}"
    FILENAME "cdktf-hcl2json-0.21.0.tgz"
    DEST_DIR "${build_dir}/_deps/npm"
    OUT_DIR "${modules}/@cdktf/hcl2json"
    PATTERNS "package/package.json" "package/main.wasm.gz" "package/lib/*" "package/wasm/*")
file(WRITE "${modules}/fs-extra/index.js"
"\"use strict\";
// Shim written by tests/bench/fetch_hcl2json.cmake: node's fs, readFile returning a promise.
const fs = require(\"fs\");
module.exports = { ...fs, readFile: fs.promises.readFile };
")
message(STATUS "hcl2json: ${RESIDENCY_HCL2JSON_SPEC} in ${modules}")
