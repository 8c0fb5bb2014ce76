# Reads a file written by RoundTripTest.writeTable with h5py and checks values and dtypes.
import math
import sys

import h5py
import numpy as np

f = h5py.File(sys.argv[1], "r")
assert f.attrs["version"] == "1", f.attrs["version"]
assert f.attrs["description"] == "Ünïcödé description 🎲"
assert isinstance(f.attrs["locked"], np.bool_) and f.attrs["locked"], repr(f.attrs["locked"])
assert list(f.keys()) == ["set"]
assert f["set"].attrs["trials"] == "3"
assert not f["set"].attrs["locked"]

ds = f["set/results"]
assert ds.shape == (13,) and ds.maxshape == (None,) and ds.chunks == (4,), (ds.shape, ds.maxshape, ds.chunks)
dt = ds.dtype
assert dt.names == ("i64", "i32", "u8", "f64", "f32", "flag", "name", "z", "ints", "floats", "words", "flags", "zs"), dt.names
assert dt["i64"] == np.int64 and dt["i32"] == np.int32 and dt["u8"] == np.uint8
assert dt["f64"] == np.float64 and dt["f32"] == np.float32
assert dt["flag"] == np.bool_, dt["flag"]
assert h5py.check_string_dtype(dt["name"]).encoding == "utf-8"
assert dt["z"] == np.complex128, dt["z"]
assert h5py.check_vlen_dtype(dt["ints"]) == np.int64
assert h5py.check_vlen_dtype(dt["floats"]) == np.float64
assert h5py.check_string_dtype(h5py.check_vlen_dtype(dt["words"])).encoding == "utf-8"
assert h5py.check_vlen_dtype(dt["flags"]) == np.bool_
assert h5py.check_vlen_dtype(dt["zs"]) == np.complex128

rows = ds[()]
assert rows["i64"][1] == -2**63 and rows["i64"][2] == 2**63 - 1 and rows["i64"][5] == 5 * 1000000007
assert rows["i32"][3] == -3000 and rows["u8"][12] == (12 * 37) % 256
assert math.isnan(rows["f64"][3]) and rows["f64"][4] == -math.inf and rows["f64"][7] == 1.0
assert rows["f32"][5] == 2.5
assert list(rows["flag"][:4]) == [True, False, False, True]
name = lambda i: rows["name"][i].decode("utf-8")
assert name(0) == "" and name(2) == "ünïcödé — ελληνικά" and name(3) == "emoji 🎲🧪", name(3)
assert name(4) == 'multi\nline "quoted"' and name(5) == "中文" and name(8) == "ünïcödé — ελληνικά#8" and name(12) == "#12"
assert rows["z"][7] == complex(7, -7 / 3)
assert list(rows["ints"][0]) == [] and list(rows["ints"][3]) == [0, 3, 6]
assert list(rows["floats"][2]) == [0.25, 1.25]
assert [w.decode("utf-8") for w in rows["words"][2]] == ["w0", "añejo 🍷"]
assert list(rows["flags"][3]) == [False, True, False]
assert list(rows["zs"][2]) == [0j, 1 - 1j]

a = ds.attrs
assert list(a["metadata"]) == ["i64", "i32"], list(a["metadata"])
assert len(a["parameters"]) == 0
assert list(a["results"]) == ["ünï", "name"]
print("OK")
