"""Peer benchmark: PyYAML with LibYAML, Checkov's YAML loader, load only.

Reads a list of files (one path a line) on stdin and loads every document of each with
yaml.load_all(..., Loader=CSafeLoader); prints the counts. A file PyYAML rejects is counted, not fatal.
"""
import sys

import yaml

files = documents = size = rejected = 0
for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    files += 1
    with open(path, "rb") as f:
        data = f.read()
    size += len(data)
    try:
        for _ in yaml.load_all(data, Loader=yaml.CSafeLoader):
            documents += 1
    except yaml.YAMLError:
        rejected += 1
print(f"pyyaml: {files} files, {size} bytes, {documents} documents, {rejected} rejected")
