# Reads a notebook with h5py as epyc would and prints everything it sees as JSON.
import json
import sys

import h5py
import numpy as np


def plain(v):
    if isinstance(v, bytes):
        return v.decode("utf-8")
    if isinstance(v, (np.bool_, bool)):
        return bool(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    if isinstance(v, (np.complexfloating, complex)):
        return [float(v.real), float(v.imag)]
    if isinstance(v, np.ndarray):
        return [plain(x) for x in v]
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    return v


f = h5py.File(sys.argv[1], "r")
out = {"attrs": {k: plain(v) for k, v in f.attrs.items()}, "sets": {}}
for tag in f.keys():
    g = f[tag]
    s = {"attrs": {k: plain(v) for k, v in g.attrs.items()}}
    for name in ("results", "pending"):
        if name in g:
            d = g[name]
            assert d.maxshape == (None,) and d.chunks is not None, (tag, name, d.maxshape)
            rows = d[()]
            s[name] = {"fields": list(d.dtype.names), "rows": len(rows),
                       "attrs": {k: plain(v) for k, v in d.attrs.items()},
                       "columns": {n: [plain(r[n]) for r in rows] for n in d.dtype.names}}
    out["sets"][tag] = s
try:
    import pandas as pd
    for tag in f.keys():
        if "results" in f[tag]:
            df = pd.DataFrame.from_records(f[tag]["results"][()])
            assert len(df) == out["sets"][tag]["results"]["rows"]
    out["pandas"] = True
except ImportError:
    out["pandas"] = False
print(json.dumps(out))
