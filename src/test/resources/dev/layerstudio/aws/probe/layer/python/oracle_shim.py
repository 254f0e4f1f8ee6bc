import ctypes

_client = ctypes.CDLL("libclntsh.so.21.1")
