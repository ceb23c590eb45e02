# Page-level content delta of CRIU image folders; runs on the MEC hosts (python3 only, no modules beyond the stdlib).
#   index BASE               hash every 4 KiB page of BASE/pages-*.img into BASE/.page-index
#   make BASE NEW [--wait [LOG]]
#                            write to stdout NEW as a delta against BASE: small files whole, pages either as a run of
#                            identical pages of BASE or as the page itself, and each file's CRC-32 as read here.
#                            --wait: start before NEW exists (before the app is frozen), load what BASE offers, then
#                            wait for a line "go" on stdin; without it (the dump failed) write nothing and exit 1.
#                            With LOG (CRIU's dump log) it starts as soon as CRIU's last line there says the images are
#                            complete, while runc still cleans up, and exits 1 after sending if "go" never comes
#   apply BASE OUT           read a delta from stdin and write the full image folder into OUT; BASE's page images are
#                            rebuilt in place and moved into OUT. Every file is checked against the sender's CRC-32
#                            before OUT appears: a mismatch exits 3 naming the file, and OUT is not created.
# Both hosts hold the same BASE (the pre-relocation checkpoint), so the sender never asks the receiver anything.
# Runs while the app is frozen, so it avoids what costs here: fresh memory (every new 4 KiB page faults), Python loops
# per page where a chunk compare does, and copies of pages that did not move.
import hashlib, marshal, os, select, struct, sys, time, zlib

PAGE = 4096
CHUNK = 64 * PAGE  # compared at once against the page run that most likely holds it
MAGIC = b"MECMIGPD3"
HEAD = struct.Struct("<HQ")   # name length; pages (P) or bytes (F)
COPY = struct.Struct("<III")  # base file number, first page, pages
SUM = struct.Struct("<IQ")    # CRC-32 and byte count of the whole file, after its record
MISMATCH = 3
# CRIU's last line of a dump that worked, written once every image is flushed and closed (cr_dump_finish).
DUMPED = b"Dumping finished successfully"


def pages_files(folder):
    return sorted(f for f in os.listdir(folder) if f.startswith("pages-") and f.endswith(".img"))


def digest(page):
    return hashlib.blake2b(page, digest_size=16).digest()


def chunks(path, buf):
    """Yields how many bytes of `buf` hold the file's next chunk; one reused buffer, no fresh memory."""
    with open(path, "rb", buffering=0) as f:
        while True:
            n = f.readinto(buf)
            while n and n < len(buf):
                more = f.readinto(memoryview(buf)[n:])
                if not more:
                    break
                n += more
            if not n:
                return
            yield n


def index(base):
    table = {}
    buf = bytearray(CHUNK)
    view = memoryview(buf)
    for number, name in enumerate(pages_files(base)):
        block = 0
        for n in chunks(os.path.join(base, name), buf):
            for i in range(n // PAGE):
                table.setdefault(digest(view[i * PAGE:(i + 1) * PAGE]), (number, block + i))
            block += n // PAGE
    with open(os.path.join(base, ".page-index"), "wb") as f:
        marshal.dump(table, f)
    return table


def load_index(base):
    path = os.path.join(base, ".page-index")
    if not os.path.exists(path):
        return index(base)
    with open(path, "rb") as f:
        return marshal.load(f)


class Pages:
    """Encodes one page image: runs of base pages as one copy each, other pages literally."""

    def __init__(self, out, fds, table, same):
        self.out, self.fds, self.table, self.same = out, fds, table, same
        self.run = None  # [base file number, first page, pages]
        self.literal = self.reused = 0

    def next_in_run(self):
        return None if self.run is None else (self.run[0], self.run[1] + self.run[2])

    def copy(self, number, start, count):
        if self.run is not None and self.next_in_run() == (number, start):
            self.run[2] += count
        else:
            self.flush()
            self.run = [number, start, count]
        self.reused += count

    def flush(self):
        if self.run is not None:
            self.out.write(b"C" + COPY.pack(*self.run))
            self.run = None

    def base_equals(self, spot, data, scratch):
        """Whether the base pages at `spot` (file number, page) hold `data`."""
        number, start = spot
        return os.preadv(self.fds[number], [scratch], start * PAGE) == len(scratch) and scratch == data

    def same_place(self, block, ref):
        """Reads into `ref` the same-named base image's pages from page `block`; returns how many it holds."""
        if self.same is None:
            return 0
        return os.preadv(self.fds[self.same], [ref], block * PAGE) // PAGE

    def chunk(self, block, buf, n, ref, page_ref):
        """Encodes the first n bytes of `buf`, which start at page `block`."""
        pages = n // PAGE
        view = memoryview(buf)
        # The likely homes of the whole chunk: where the current run goes on, the same place in the same-named base file.
        spots = [self.next_in_run()]
        if self.same is not None and spots[0] != (self.same, block):
            spots.append((self.same, block))
        for spot in spots:
            if spot is not None and n == CHUNK and self.base_equals(spot, buf, ref):
                self.copy(spot[0], spot[1], pages)
                return
        same_read = self.same_place(block, ref)
        for i in range(pages):
            page = bytes(view[i * PAGE:(i + 1) * PAGE])
            # The same place first, through the base chunk read above: most pages that did not change stayed there.
            if i < same_read and ref[i * PAGE:(i + 1) * PAGE] == page:
                self.copy(self.same, block + i, 1)
                continue
            spot = self.next_in_run()
            if spot is not None and spot != (self.same, block + i) and self.base_equals(spot, page, page_ref):
                self.copy(spot[0], spot[1], 1)
                continue
            found = self.table.get(digest(page))
            if found is not None and self.base_equals(found, page, page_ref):
                self.copy(found[0], found[1], 1)
                continue
            self.flush()
            self.out.write(b"L")
            self.out.write(page)
            self.literal += 1


def make(base, new, wait=False, log=None):
    table = load_index(base)
    names = pages_files(base)
    fds = [os.open(os.path.join(base, name), os.O_RDONLY) for name in names]
    told = False
    if wait:
        told = await_dump(log)
        if told is None:
            sys.exit(1)
    began = time.monotonic()
    out = sys.stdout.buffer
    out.write(MAGIC)
    buf, ref, page_ref = bytearray(CHUNK), bytearray(CHUNK), bytearray(PAGE)
    view = memoryview(buf)
    literal = reused = read = 0
    for name in sorted(os.listdir(new)):
        path = os.path.join(new, name)
        if not os.path.isfile(path) or name.startswith("."):
            continue
        size = os.path.getsize(path)
        encoded = name.encode()
        if name.startswith("pages-") and name.endswith(".img") and size % PAGE == 0:
            out.write(b"P" + HEAD.pack(len(encoded), size // PAGE) + encoded)
            pages = Pages(out, fds, table, names.index(name) if name in names else None)
            crc = block = 0
            for n in chunks(path, buf):
                crc = zlib.crc32(view[:n], crc)
                pages.chunk(block, buf, n, ref, page_ref)
                block += n // PAGE
            pages.flush()
            literal += pages.literal
            reused += pages.reused
        else:
            with open(path, "rb") as f:
                data = f.read()
            size = len(data)
            out.write(b"F" + HEAD.pack(len(encoded), size) + encoded)
            out.write(data)
            crc = zlib.crc32(data)
        out.write(SUM.pack(crc, size))
        read += size
    out.write(b"E")
    sys.stdout.close()
    os.close(1)  # the receiver can finish now, while this waits for runc below
    sys.stderr.write("pagedelta: read %d image bytes, pages literal %d reused %d, make %.3f s\n"
                     % (read, literal, reused, time.monotonic() - began))
    if told == "log" and sys.stdin.readline().strip() != "go":
        sys.stderr.write("pagedelta: CRIU finished the dump but runc failed after it\n")
        sys.exit(1)


def await_dump(log):
    """Waits for the dump: "stdin" once a line "go" came (runc is done), "log" once CRIU's log `log` ends with its
    success line (CRIU is done, runc may still be cleaning up), None if stdin ends or says anything else (it failed)."""
    fd = None
    while True:
        if select.select([sys.stdin], [], [], 0.002 if log else None)[0]:
            return "stdin" if sys.stdin.readline().strip() == "go" else None
        if log is None:
            continue
        if fd is None:
            try:
                fd = os.open(log, os.O_RDONLY)
            except FileNotFoundError:
                continue
        end = os.fstat(fd).st_size
        if DUMPED in os.pread(fd, 128, max(0, end - 128)):
            os.close(fd)
            return "log"


def read_exactly(stream, size):
    data = stream.read(size)
    if len(data) != size:
        raise SystemExit("pagedelta: the delta stream ended early (%d of %d bytes): the link or the sender failed"
                         % (len(data), size))
    return data


def read_delta(stream, bases):
    """The whole delta as records: (kind, name, size, ops or data, crc, sent bytes). It is small: pages seen before
    are references."""
    if read_exactly(stream, len(MAGIC)) != MAGIC:
        raise SystemExit("pagedelta: not a page delta stream (or one of another version)")
    records = []
    while True:
        kind = read_exactly(stream, 1)
        if kind == b"E":
            return records
        if kind not in (b"F", b"P"):
            raise SystemExit("pagedelta: unknown record in the stream: " + repr(kind))
        length, size = HEAD.unpack(read_exactly(stream, HEAD.size))
        name = read_exactly(stream, length).decode()
        if "/" in name or name.startswith("."):
            raise SystemExit("pagedelta: bad file name in the stream: " + name)
        if kind == b"F":
            body = read_exactly(stream, size)
        else:
            body, written = [], 0
            while written < size:
                op = read_exactly(stream, 1)
                if op == b"L":
                    body.append((written, read_exactly(stream, PAGE)))
                    written += 1
                elif op == b"C":
                    number, block, run = COPY.unpack(read_exactly(stream, COPY.size))
                    if number >= len(bases) or (block + run) * PAGE > bases[number][1] or written + run > size:
                        raise SystemExit("pagedelta: the delta refers to pages the base does not hold: is the"
                                         " pre-relocation dump on this host complete?")
                    body.append((written, (number, block, run)))
                    written += run
                else:
                    raise SystemExit("pagedelta: unknown operation in the stream: " + repr(op))
        crc, total = SUM.unpack(read_exactly(stream, SUM.size))
        records.append((kind, name, size, body, crc, total))


def copy(src, src_at, dst, dst_at, count):
    """Copies count bytes between files in the kernel (no page of this process's memory is touched), or by
    reading and writing where the kernel cannot."""
    while count > 0:
        try:
            n = os.copy_file_range(src, dst, count, src_at, dst_at)
        except OSError:
            n = 0
        if n <= 0:
            data = os.pread(src, min(count, CHUNK), src_at)
            if not data:
                raise SystemExit("pagedelta: the base ended while reading pages it should hold")
            n = os.pwrite(dst, data, dst_at)
        src_at, dst_at, count = src_at + n, dst_at + n, count - n


def file_crc(path, buf):
    crc = total = 0
    view = memoryview(buf)
    for n in chunks(path, buf):
        crc = zlib.crc32(view[:n], crc)
        total += n
    return crc, total


def apply(base, out_dir):
    names = pages_files(base)
    bases = [(os.path.join(base, name), os.path.getsize(os.path.join(base, name))) for name in names]
    stream = sys.stdin.buffer
    stream.peek(1)  # the apply's time counts from the delta's first byte, not from the wait for the dump
    began = time.monotonic()
    records = read_delta(stream, bases)
    part = out_dir + ".part"
    if os.path.exists(part):
        for leftover in os.listdir(part):
            os.unlink(os.path.join(part, leftover))
    else:
        os.makedirs(part, 0o700)
    # A base page image is rewritten in place into the image of the same name, so pages that stayed where they were
    # cost nothing; pages that moved are read out of the base first, before any base file changes.
    fds = [os.open(path, os.O_RDWR) for path, _ in bases]
    # In place only where a rename can move the base file into OUT (the same filesystem); elsewhere it is copied.
    in_place = set(names) if os.stat(base).st_dev == os.stat(part).st_dev else set()
    moved = {}  # copy operation -> where its pages wait in the scratch file
    read_at = time.monotonic()
    scratch = os.open(os.path.join(part, ".moved"), os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    saved = 0
    for kind, name, size, body, crc, total in records:
        if kind == b"P":
            for at, op in body:
                if isinstance(op, tuple) and op not in moved and not (
                        name in in_place and names[op[0]] == name and op[1] == at):
                    copy(fds[op[0]], op[1] * PAGE, scratch, saved, op[2] * PAGE)
                    moved[op] = saved
                    saved += op[2] * PAGE
    moved_at = time.monotonic()
    buf = bytearray(CHUNK)
    bad = []
    for kind, name, size, body, crc, total in records:
        path = os.path.join(part, name)
        if kind == b"F":
            with open(path, "wb") as f:
                f.write(body)
            got = (zlib.crc32(body), len(body))
        else:
            if name in in_place:
                fd = fds[names.index(name)]
                os.rename(bases[names.index(name)][0], path)
            else:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            os.ftruncate(fd, size * PAGE)
            for at, op in body:
                if isinstance(op, bytes):
                    os.pwrite(fd, op, at * PAGE)
                elif op in moved:
                    copy(scratch, moved[op], fd, at * PAGE, op[2] * PAGE)
            if name not in in_place:
                os.close(fd)
            got = file_crc(path, buf)
        if got != (crc, total):
            bad.append("%s/%s has crc32 %d (%d bytes), the source sent crc32 %d (%d bytes)"
                       % (out_dir, name, got[0], got[1], crc, total))
    for fd in fds + [scratch]:
        os.close(fd)
    os.unlink(os.path.join(part, ".moved"))
    if bad:
        for leftover in os.listdir(part):
            os.unlink(os.path.join(part, leftover))
        os.rmdir(part)
        sys.stderr.write("checksum mismatch: %s%s: the pre-relocation dump on this host or the stream was damaged;"
                         " the images were not used\n" % (bad[0], " (%d more file(s) differ)" % (len(bad) - 1)
                                                          if len(bad) > 1 else ""))
        sys.exit(MISMATCH)
    os.rename(part, out_dir)
    sys.stderr.write("pagedelta: apply %.3f s (delta read %.3f s, %d moved pages saved %.3f s, written and checked"
                     " %.3f s)\n" % (time.monotonic() - began, read_at - began, saved // PAGE,
                                     moved_at - read_at, time.monotonic() - moved_at))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "index" and len(sys.argv) == 3:
        index(sys.argv[2])
    elif command == "make" and len(sys.argv) == 4:
        make(sys.argv[2], sys.argv[3])
    elif command == "make" and len(sys.argv) in (5, 6) and sys.argv[4] == "--wait":
        make(sys.argv[2], sys.argv[3], wait=True, log=sys.argv[5] if len(sys.argv) == 6 else None)
    elif command == "apply" and len(sys.argv) == 4:
        apply(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit("usage: pagedelta.py index BASE | make BASE NEW [--wait [LOG]] | apply BASE OUT")
