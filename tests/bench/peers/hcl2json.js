// Peer benchmark: HashiCorp's hcl/v2 compiled to WebAssembly, as npm @cdktf/hcl2json ships it
// (parse only: HCL to JSON). Reads a list of files (one path a line) on stdin and parses each in
// turn; prints the counts. tests/bench/run.sh fetches the pinned tarball into the build tree.
// usage: node hcl2json.js NODE_MODULES_DIR < list
"use strict";
const fs = require("fs");
const path = require("path");

const { parse } = require(path.resolve(process.argv[2], "@cdktf/hcl2json"));

async function main() {
    const files = fs.readFileSync(0, "utf-8").split("\n").filter((line) => line !== "");
    let bytes = 0;
    let rejected = 0;
    for (const file of files) {
        const text = fs.readFileSync(file, "utf-8");
        bytes += Buffer.byteLength(text);
        try {
            await parse(file, text);
        } catch (error) {
            rejected++;
        }
    }
    console.log(`hcl2json: ${files.length} files, ${bytes} bytes, ${rejected} rejected`);
}

main().then(() => process.exit(0), (error) => {
    console.error(`hcl2json: ${error.message}`);
    process.exit(2);
});
