"""A tiny SMTP server for the production-topology test: it keeps what it accepted in memory.

Enough SMTP for Django's SMTP backend (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT). A message
counts as delivered only once the sink has answered ``250`` to its DATA, as a real server's
acceptance. ``hold()`` makes it keep every DATA waiting (a slow mail server: the worker is then
holding work); ``stop()`` and ``start()`` take it off the network and back on the same port.
"""

import asyncio
import email
import socket
import threading
from email import policy


class SmtpSink:
    def __init__(self, host="127.0.0.1"):
        self.host = host
        self.port = _free_port(host)
        self.messages = []  # email.message.EmailMessage, in the order they were accepted
        self.receiving = 0  # DATA received and waiting on hold()
        self._held = threading.Event()
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._server = None
        self._writers = set()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    # --- control (from the test's thread) ---------------------------------------------------
    def start(self):
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)

    def stop(self):
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=10)

    def close(self):
        self.release()
        self.stop()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    def hold(self):
        self._held.set()

    def release(self):
        self._held.clear()

    def recipients(self):
        with self._lock:
            return [address for message in self.messages for address in _to(message)]

    # --- server (in the sink's thread) ------------------------------------------------------
    async def _start(self):
        if self._server is None:
            self._server = await asyncio.start_server(self._session, self.host, self.port)

    async def _stop(self):
        if self._server is not None:
            self._server.close()
            for writer in list(self._writers):
                writer.close()
            await self._server.wait_closed()
            self._server = None

    async def _session(self, reader, writer):
        def reply(line):
            writer.write(f"{line}\r\n".encode())

        self._writers.add(writer)
        reply("220 sink ESMTP")
        try:
            while line := await reader.readline():
                command = line.decode(errors="replace").strip().upper()
                if command.startswith(("EHLO", "HELO")):
                    reply("250 sink")
                elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                    reply("250 OK")
                elif command == "DATA":
                    reply("354 End data with <CR><LF>.<CR><LF>")
                    await writer.drain()
                    data = await self._read_data(reader)
                    if data is None:
                        return
                    if not await self._wait_while_held(reader, writer):
                        return  # the client went away before the answer: not delivered
                    with self._lock:
                        self.messages.append(email.message_from_bytes(data, policy=policy.default))
                    reply("250 OK: queued")
                elif command == "QUIT":
                    reply("221 Bye")
                    await writer.drain()
                    return
                else:
                    reply("502 Command not implemented")
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _read_data(self, reader):
        lines = []
        while True:
            line = await reader.readline()
            if not line:
                return None
            if line in (b".\r\n", b".\n"):
                return b"".join(lines)
            lines.append(line[1:] if line.startswith(b"..") else line)

    async def _wait_while_held(self, reader, writer):
        with self._lock:
            self.receiving += 1
        try:
            while self._held.is_set():
                # A client that died shows as end of input, or a closed transport.
                if reader.at_eof() or writer.transport.is_closing():
                    return False
                await asyncio.sleep(0.05)
            return not (reader.at_eof() or writer.transport.is_closing())
        finally:
            with self._lock:
                self.receiving -= 1


def _to(message):
    return [address.strip().lower() for address in str(message.get("To", "")).split(",") if address]


def _free_port(host):
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]
