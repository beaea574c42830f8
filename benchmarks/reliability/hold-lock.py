#!/usr/bin/env python3
"""Holds a DuckDB database's file lock from another process, as a CLI writer would.

usage: hold-lock.py DATABASE SECONDS

DuckDB locks its file with a POSIX record lock (fcntl F_SETLK, whole file) for as long as a process has the database
open; this script takes the same kind of lock (lockf = fcntl F_SETLKW), waiting until the current holder lets go,
prints "locked" on stdout, holds it SECONDS and exits. Used by the fault tests and the soak script.
"""
import fcntl
import sys
import time

path, seconds = sys.argv[1], float(sys.argv[2])
with open(path, "r+b") as f:
    fcntl.lockf(f, fcntl.LOCK_EX)
    print("locked", flush=True)
    time.sleep(seconds)
