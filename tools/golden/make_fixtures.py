#!/usr/bin/env python3
"""Regenerate every golden fixture: runs each tools/golden/make_*_fixtures.py in turn (sorted by name).

    npm run fixtures          (= /usr/bin/python3 tools/golden/make_fixtures.py)

Needs Debian's torch 1.13 / torchvision 0.14, i.e. /usr/bin/python3 (the first python3 on PATH has no torch).
Each script is run with this same interpreter, from the repository root, and the driver stops at the first failure.
"""
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

scripts = sorted(glob.glob(os.path.join(HERE, 'make_*_fixtures.py')))
if not scripts:
    sys.exit('no tools/golden/make_*_fixtures.py scripts found')
for script in scripts:
    rel = os.path.relpath(script, ROOT)
    print(f'== {sys.executable} {rel}', flush=True)
    result = subprocess.run([sys.executable, script], cwd=ROOT)
    if result.returncode != 0:
        sys.exit(f'{rel} failed with exit code {result.returncode}')
print(f'== {len(scripts)} fixture scripts done', flush=True)
