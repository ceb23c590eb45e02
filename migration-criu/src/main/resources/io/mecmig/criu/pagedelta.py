# Page-level content delta of CRIU image folders; runs on the MEC hosts (python3 only, no modules beyond the stdlib).
#   index BASE               hash every 4 KiB page of BASE/pages-*.img into BASE/.page-index
#   make [-z] BASE NEW [--wait [LOG [PID]]]
#                            write to stdout NEW as a delta against BASE (-z: compressed, for links slower than
#                            the CPU): small files whole, pages either as a run of
#                            identical pages of BASE or as the page itself, and each file's CRC-32 as read here.
#                            --wait: start before NEW exists (before the app is frozen), load what BASE offers, then
#                            wait for a line "go" on stdin; without it (the dump failed) exit 1 without the end record.
#                            With LOG (CRIU's dump log) it sends each page image as soon as CRIU has closed it (CRIU
#                            dumps a task's pages, then its core: the k-th "Dumping core (pid:" line means pages-1 to
#                            pages-k are complete), while CRIU still dumps the rest; it sends the other files as soon
#                            as the log says the images are complete (CRIU unfreezes the app's tasks to kill them:
#                            every image is closed then, while CRIU still waits for the tasks to die and runc cleans
#                            up), and exits 1 after sending if "go" never comes. A page image that changed after it
#                            was read (its size or mtime differ at the end) is sent again. At CRIU's last line it also
#                            writes "mecmig-dumped STATS mecmig-dump-end" (CRIU's stats-dump beside LOG, base64) to
#                            file descriptor 3 if that is open, so that its caller need not wait for runc either.
#                            With PID (the app's main process) it watches the app until CRIU's log says CRIU kills
#                            it: if the app dies before (it exits, or has a SIGKILL pending), it sends CRIU a SIGALRM,
#                            CRIU's own timeout, so that the dump fails at once (CRIU otherwise waits for a task that
#                            never stops: 10 s in its freezing stage, for good after it).
#   apply BASE OUT           read a delta from stdin and write the full image folder into OUT, each file as its record
#                            arrives (BASE is only read). Every file is checked against the sender's CRC-32 before OUT
#                            appears: a mismatch exits 3 naming the file, and OUT is not created. Once OUT is there,
#                            with an empty file .complete in it, it prints "mecmig-applied BYTES SECONDS" on stdout (the
#                            delta's size as it came). An OUT that exists already is a prepared restore's (runc holds it
#                            open, and has read its descriptors.json): the files move into it, .complete last, and a
#                            descriptors.json that differs from the one there exits 4 (runc read the wrong one).
# The stream: MAGIC, a byte "z" (the rest is one zlib stream, flushed after every record, so that each record reaches
# the receiver as soon as it is sent: zstd's and lz4's tools hold back their last 128 KiB block until more comes) or
# "-" (plain), then records, then "E". A record is "F" HEAD name bytes SUM (a file whole) or "P" HEAD name
# operations SUM (a page image: "L" and a literal page, or "C" COPY, a run of pages of BASE's n-th page image in name
# order), HEAD = name length and byte or page count, SUM = CRC-32 and byte count of the file. A later record of a name
# replaces an earlier one.
# Both hosts hold the same BASE (the pre-relocation checkpoint), so the sender never asks the receiver anything.
# Runs while the app is frozen, so it avoids what costs here: fresh memory (every new 4 KiB page faults), Python loops
# per page where a chunk compare does, and work after the dump that can be done while CRIU still writes.
import base64, hashlib, marshal, os, select, signal, struct, sys, time, zlib

PAGE = 4096
CHUNK = 64 * PAGE  # compared at once against the page run that most likely holds it
MAGIC = b"MECMIGPD4"
HEAD = struct.Struct("<HQ")   # name length; pages (P) or bytes (F)
COPY = struct.Struct("<III")  # base file number, first page, pages
SUM = struct.Struct("<IQ")    # CRC-32 and byte count of the whole file, after its record
MISMATCH = 3
PREPARED_DIFFERS = 4
# The last file apply writes into OUT: a restore that must not start from half a folder looks for it.
COMPLETE = ".complete"
DESCRIPTORS = "descriptors.json"
# Seconds apply's child waits before it removes BASE's page images: the restore of OUT comes first.
FORGET_AFTER = 3
# apply's last line on standard output, with the delta's bytes as they came and its seconds: OUT is whole and checked.
APPLIED = "mecmig-applied "
# CRIU's last line of a dump that worked, written once every image is flushed and closed (cr_dump_finish).
DUMPED = b"Dumping finished successfully"
# CRIU's line when it kills the dumped tasks (TASK_DEAD is 2): the dump worked and every image is flushed and closed
# (cr_dump_finish closes them, and runs the post-dump hook, before), and the app can no longer run on here. CRIU then
# waits for its tasks to die (0.02-0.08 s for ASW), and writes its stats and DUMPED after that.
KILLING = b"Unfreezing tasks into 2"
# CRIU's line after a task's pages (dump_one_task: pages, then the core): that task's page image is closed.
TASK_CORE = b"Dumping core (pid: "


def pages_files(folder):
    return sorted(f for f in os.listdir(folder) if f.startswith("pages-") and f.endswith(".img"))


def digest(page):
    return hashlib.blake2b(page, digest_size=16).digest()


def chunks(path, buf, limit=None):
    """Yields how many bytes of `buf` hold the file's next chunk (up to `limit` bytes in all); one reused buffer, no
    fresh memory."""
    left = limit
    with open(path, "rb", buffering=0) as f:
        while True:
            if left is not None and left < len(buf):
                if left == 0:
                    return
                buf = memoryview(buf)[:left]
            n = f.readinto(buf)
            while n and n < len(buf):
                more = f.readinto(memoryview(buf)[n:])
                if not more:
                    break
                n += more
            if not n:
                return
            if left is not None:
                left -= n
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


class Output:
    """Standard output, zlib-compressed or plain; flush() pushes all that was written so far to the receiver."""

    def __init__(self, compress):
        self.raw = sys.stdout.buffer
        self.zlib = zlib.compressobj(1) if compress else None
        self.raw.write(MAGIC + (b"z" if compress else b"-"))

    def write(self, data):
        if self.zlib is None:
            self.raw.write(data)
        else:
            self.raw.write(self.zlib.compress(data))

    def flush(self):
        if self.zlib is not None:
            self.raw.write(self.zlib.flush(zlib.Z_SYNC_FLUSH))
        self.raw.flush()

    def close(self):
        if self.zlib is not None:
            self.raw.write(self.zlib.flush())
        self.raw.close()
        os.close(1)


class Input:
    """Standard input, as Output wrote it; exactly(n) returns the next n bytes of the delta."""

    def __init__(self):
        self.data, self.at = b"", 0
        self.raw = 0  # bytes read as they came over the link
        self.zlib = None
        head = self.exactly(len(MAGIC) + 1)
        if head[:-1] != MAGIC or head[-1:] not in (b"z", b"-"):
            raise SystemExit("pagedelta: not a page delta stream (or one of another version)")
        if head[-1:] == b"z":
            self.zlib = zlib.decompressobj()
            self.data = self.inflate(self.data[self.at:])
            self.at = 0

    def inflate(self, chunk):
        try:
            return self.zlib.decompress(chunk)
        except zlib.error as e:
            raise SystemExit("pagedelta: the delta stream is damaged (%s): the link or the sender failed" % e)

    def exactly(self, size):
        while len(self.data) - self.at < size:
            chunk = os.read(0, 1 << 16)
            self.raw += len(chunk)
            if not chunk:
                raise SystemExit("pagedelta: the delta stream ended early (%d of %d bytes): the link or the sender"
                                 " failed" % (len(self.data) - self.at, size))
            if self.zlib is not None:
                chunk = self.inflate(chunk)
            self.data = self.data[self.at:] + chunk
            self.at = 0
        part = self.data[self.at:self.at + size]
        self.at += size
        return part


class Sender:
    """Writes records of NEW's files to `out`; remembers what each file looked like when it was read."""

    def __init__(self, base, out):
        self.table = load_index(base)
        self.names = pages_files(base)
        self.fds = [os.open(os.path.join(base, name), os.O_RDONLY) for name in self.names]
        self.out = out
        self.seen = {}  # name -> (size, mtime) before and after it was read, when both agree
        self.literal = self.reused = 0
        self.early = set()  # names sent while CRIU still dumped
        self.buf, self.ref, self.page_ref = bytearray(CHUNK), bytearray(CHUNK), bytearray(PAGE)

    def unchanged(self, path, name):
        return name in self.seen and self.seen[name] == stamp(path)

    def send(self, folder, name):
        path = os.path.join(folder, name)
        before = stamp(path)
        encoded = name.encode()
        size = before[0]
        if name.startswith("pages-") and name.endswith(".img") and size % PAGE == 0:
            self.out.write(b"P" + HEAD.pack(len(encoded), size // PAGE) + encoded)
            pages = Pages(self.out, self.fds, self.table, self.names.index(name) if name in self.names else None)
            view = memoryview(self.buf)
            crc = block = 0
            for n in chunks(path, self.buf, size):
                crc = zlib.crc32(view[:n], crc)
                pages.chunk(block, self.buf, n, self.ref, self.page_ref)
                block += n // PAGE
            if block * PAGE != size:  # cut short while read: the record stays whole, and is sent again
                for _ in range(size // PAGE - block):
                    self.out.write(b"L" + bytes(PAGE))
            pages.flush()
            self.literal += pages.literal
            self.reused += pages.reused
        else:
            with open(path, "rb") as f:
                data = f.read()
            size = len(data)
            self.out.write(b"F" + HEAD.pack(len(encoded), size) + encoded)
            self.out.write(data)
            crc = zlib.crc32(data)
        self.out.write(SUM.pack(crc, size))
        after = stamp(path)
        if after == before and after[0] == size:
            self.seen[name] = after
        else:
            self.seen.pop(name, None)


def stamp(path):
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def make(base, new, wait=False, log=None, compress=False, app=None):
    sender = Sender(base, Output(compress))
    told = False
    follower = LogFollower(log) if log else None
    watch = AppWatch(app, log) if app and log else None
    if wait:
        def closed(count):
            """CRIU closed the page images 1 to `count`: send those not sent yet."""
            for k in range(1, count + 1):
                name = "pages-%d.img" % k
                if name not in sender.seen and os.path.isfile(os.path.join(new, name)):
                    sender.send(new, name)
                    sender.early.add(name)
                    sender.out.flush()
        told = await_dump(follower, closed, watch=watch)
        if told is None:
            sender.out.flush()  # never the end record: the receiver fails
            sys.exit(1)
        if told == "dumped":
            announce_dump(log)
    began = time.monotonic()
    read = early = 0
    again = []  # sent during the dump, but changed since
    for name in sorted(os.listdir(new)):
        path = os.path.join(new, name)
        if not os.path.isfile(path) or name.startswith("."):
            continue
        if sender.unchanged(path, name):
            read += sender.seen[name][0]
            early += 1
            continue
        if name in sender.early:
            again.append(name)
        sender.send(new, name)
        read += sender.seen.get(name, (os.path.getsize(path),))[0]
    sender.out.write(b"E")
    sender.out.close()  # the receiver can finish now, while this waits for CRIU's end and runc below
    sys.stderr.write("pagedelta: read %d image bytes, pages literal %d reused %d, make %.3f s, %d page image(s) sent"
                     " during the dump%s\n" % (read, sender.literal, sender.reused, time.monotonic() - began, early,
                                                 " (sent again, changed since: %s)" % " ".join(again) if again else ""))
    if told == "images":
        told = await_dump(follower, None, until=DUMPED)
        if told is None:
            sys.stderr.write("pagedelta: CRIU did not finish the dump after its images were complete\n")
            sys.exit(1)
        if told == "dumped":
            announce_dump(log)
    if told == "dumped" and sys.stdin.readline().strip() != "go":
        sys.stderr.write("pagedelta: CRIU finished the dump but runc failed after it\n")
        sys.exit(1)


def announce_dump(log):
    """Tells whoever reads file descriptor 3, if it is open, that CRIU's dump is complete, with CRIU's stats file (written
    before CRIU's last line) in base64: "mecmig-dumped STATS mecmig-dump-end". runc may still be cleaning up."""
    try:
        with open(os.path.join(os.path.dirname(log), "stats-dump"), "rb") as f:
            stats = base64.b64encode(f.read())
        os.write(3, b"mecmig-dumped " + stats + b" mecmig-dump-end\n")
    except OSError:
        pass  # no one listens on 3, or no stats: the caller waits for runc's own line


class LogFollower:
    """Reads CRIU's log `path` line by line as CRIU writes it; a later wait goes on where the last one stopped."""

    def __init__(self, path):
        self.path, self.fd, self.at, self.tail, self.pending = path, None, 0, b"", []

    def next_line(self):
        """The next complete line of the log, or None if CRIU has not written one more yet."""
        if not self.pending:
            if self.fd is None:
                try:
                    self.fd = os.open(self.path, os.O_RDONLY)
                except FileNotFoundError:
                    return None
            data = os.pread(self.fd, 1 << 20, self.at)
            self.at += len(data)
            self.pending = (self.tail + data).split(b"\n")
            self.tail = self.pending.pop()
        return self.pending.pop(0) if self.pending else None


# The kernel's flag of a task that is exiting (include/linux/sched.h).
PF_EXITING = 0x4
SIGKILL_BIT = 1 << (signal.SIGKILL - 1)


class AppWatch:
    """The app's main process while CRIU dumps it. A task that dies while CRIU holds it never stops for CRIU: CRIU's
    wait4 on a thread-group leader whose other threads it has seized returns only at CRIU's freezing timeout (10 s;
    runc sets none), and nothing bounds its later stages. CRIU's SIGALRM handler is that timeout: it interrupts the
    wait, and CRIU fails the dump, unfreezes and releases the tasks, which then die; runc then fails."""

    def __init__(self, pid, log):
        self.pid, self.log, self.next_at, self.told, self.off = int(pid), log, 0.0, set(), False

    def check(self):
        """Every 50 ms: if the app is dying, and not because CRIU kills it (CRIU logs KILLING before it does), tells
        each CRIU that dumps it to give up (once)."""
        now = time.monotonic()
        if self.off or now < self.next_at:
            return
        self.next_at = now + 0.05
        if not self.dying():
            return
        if self.criu_kills():
            self.off = True
            return
        for criu in self.criu_pids() - self.told:
            try:
                os.kill(criu, signal.SIGALRM)
            except OSError:
                continue
            self.told.add(criu)
            sys.stderr.write("pagedelta: the app (pid %d) died while CRIU (pid %d) dumped it; CRIU was told to give"
                             " up at once (SIGALRM, its own timeout)\n" % (self.pid, criu))

    def dying(self):
        try:
            with open("/proc/%d/stat" % self.pid, "rb") as f:
                stat = f.read()
            with open("/proc/%d/status" % self.pid, "rb") as f:
                status = f.read()
        except OSError:
            return True  # gone
        fields = stat[stat.rindex(b")") + 2:].split()
        if fields[0] in (b"Z", b"X") or int(fields[6]) & PF_EXITING:
            return True
        for line in status.splitlines():
            if line.startswith((b"SigPnd:", b"ShdPnd:")) and int(line.split()[1], 16) & SIGKILL_BIT:
                return True
        return False

    def criu_kills(self):
        """Whether CRIU's log, read whole now (the follower may lag behind it), says CRIU kills the dumped tasks."""
        try:
            with open(self.log, "rb") as f:
                text = f.read()
        except OSError:
            return False
        return KILLING in text or DUMPED in text

    def criu_pids(self):
        """The CRIU processes dumping the app: CRIU names itself "criu: dump ... -t PID" once it has its request."""
        found = set()
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open("/proc/%s/cmdline" % entry, "rb") as f:
                    words = f.read().replace(b"\0", b" ").split()
            except OSError:
                continue
            if words and words[0].startswith(b"criu") and b"dump" in words and b"-t" in words[:-1] \
                    and words[words.index(b"-t") + 1] == str(self.pid).encode():
                found.add(int(entry))
        return found


def await_dump(follower, closed, until=KILLING, watch=None):
    """Waits for the dump: "stdin" once a line "go" came (runc is done), "images" once CRIU's log says every image is
    complete (KILLING; CRIU still waits for the app's tasks to die, runc still cleans up), "dumped" once it ends with
    CRIU's success line, None if stdin ends or says anything else (it failed). Waiting `until` DUMPED, KILLING does not
    count. Meanwhile tells `closed` how many tasks' page images CRIU has closed, as the log says, and has `watch` stop
    CRIU if the app dies before CRIU kills it."""
    cores = 0
    while True:
        if select.select([sys.stdin], [], [], 0.002 if follower else None)[0]:
            return "stdin" if sys.stdin.readline().strip() == "go" else None
        if follower is None:
            continue
        if watch is not None:
            watch.check()
        before = cores
        line = follower.next_line()
        while line is not None:
            if TASK_CORE in line:
                cores += 1
                # That task's page image goes now: the rest of the log waits. Read on to its end first, and a sender
                # that CRIU outwrites (its log grows faster than this reads it, as when CRIU gets the cores first)
                # only got here at KILLING, and sent the JVM's image after the dump (0.25-0.35 s of downtime).
                break
            elif DUMPED in line:
                return "dumped"
            elif until == KILLING and KILLING in line:
                return "images"
            line = follower.next_line()
        if closed and cores > before:
            closed(cores)


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
    select.select([0], [], [])  # the apply's time counts from the delta's first byte, not from the wait for the dump
    began = time.monotonic()
    stream = Input()
    part = out_dir + ".part"
    if os.path.exists(part):
        for leftover in os.listdir(part):
            os.unlink(os.path.join(part, leftover))
    else:
        os.makedirs(part, 0o700)
    fds = [os.open(path, os.O_RDONLY) for path, _ in bases]
    buf = bytearray(CHUNK)
    bad = {}  # file name -> what differs; a later record of the same file replaces the verdict
    try:
        while True:
            kind = stream.exactly(1)
            if kind == b"E":
                break
            if kind not in (b"F", b"P"):
                raise SystemExit("pagedelta: unknown record in the stream: " + repr(kind))
            length, size = HEAD.unpack(stream.exactly(HEAD.size))
            name = stream.exactly(length).decode()
            if "/" in name or name.startswith("."):
                raise SystemExit("pagedelta: bad file name in the stream: " + name)
            path = os.path.join(part, name)
            if kind == b"F":
                body = stream.exactly(size)
                with open(path, "wb") as f:
                    f.write(body)
                got = (zlib.crc32(body), len(body))
            else:
                rebuild(stream, fds, bases, path, size)
                got = file_crc(path, buf)
            crc, total = SUM.unpack(stream.exactly(SUM.size))
            if got != (crc, total):
                bad[name] = ("%s/%s has crc32 %d (%d bytes), the source sent crc32 %d (%d bytes)"
                             % (out_dir, name, got[0], got[1], crc, total))
            else:
                bad.pop(name, None)
    except BaseException:
        remove(part)
        raise
    finally:
        for fd in fds:
            os.close(fd)
    last_at = time.monotonic()
    if bad:
        remove(part)
        first = sorted(bad)[0]
        sys.stderr.write("checksum mismatch: %s%s: the pre-relocation dump on this host or the stream was damaged;"
                         " the images were not used\n" % (bad[first], " (%d more file(s) differ)" % (len(bad) - 1)
                                                          if len(bad) > 1 else ""))
        sys.exit(MISMATCH)
    publish(part, out_dir)
    sys.stderr.write("pagedelta: apply %.3f s (from the end record %.3f s)\n"
                     % (time.monotonic() - began, time.monotonic() - last_at))
    # On standard output, for whoever waits for the images: the sender's command may still wait for runc.
    sys.stdout.write("%s%d %.3f\n" % (APPLIED, stream.raw, time.monotonic() - began))
    sys.stdout.flush()
    forget_base(bases)
    # Gone at once, without Python's clean-up: after the fork every page of this process's heap is shared with the
    # child, and freeing its objects would copy each one it writes (40-100 ms of CPU at nice -10 here), just as the
    # restore of OUT starts on the same two cores.
    os._exit(0)


def publish(part, out_dir):
    """Makes the checked images in PART appear as OUT, whole: PART renamed, or, into a prepared restore's OUT, moved
    file by file with .complete last."""
    open(os.path.join(part, COMPLETE), "wb").close()
    if not os.path.isdir(out_dir):
        os.rename(part, out_dir)
        return
    read = os.path.join(out_dir, DESCRIPTORS)
    if os.path.exists(read) and not same_content(read, os.path.join(part, DESCRIPTORS)):
        remove(part)
        sys.stderr.write("pagedelta: the final dump's %s differs from the one the prepared restore in %s read (the"
                         " container's stdio changed since the pre-relocation dump); the images were not used\n"
                         % (DESCRIPTORS, out_dir))
        sys.exit(PREPARED_DIFFERS)
    for name in sorted(os.listdir(part), key=lambda n: n == COMPLETE):
        os.rename(os.path.join(part, name), os.path.join(out_dir, name))
    os.rmdir(part)


def same_content(a, b):
    try:
        with open(a, "rb") as fa, open(b, "rb") as fb:
            return fa.read() == fb.read()
    except FileNotFoundError:
        return False


def forget_base(bases):
    """Removes BASE's page images, of no use once OUT is whole (tmpfs is memory), in a child that holds none of this
    command's outputs: the sender sees the apply end now, not after the removal. It waits a few seconds first: OUT's
    restore runs now, and freeing tens of MB on a host with two cores took CPU from it. Everything this process had to
    say must be flushed before: its caller leaves with os._exit."""
    sys.stdout.flush()
    sys.stderr.flush()
    if os.fork() != 0:
        return
    try:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        time.sleep(FORGET_AFTER)
        for path, _ in bases:
            os.unlink(path)
    finally:
        os._exit(0)


def rebuild(stream, fds, bases, path, pages):
    """Writes a page image of `pages` pages from its operations on `stream`: literal pages, and runs of BASE's."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.ftruncate(fd, pages * PAGE)
        written = 0
        while written < pages:
            op = stream.exactly(1)
            if op == b"L":
                os.pwrite(fd, stream.exactly(PAGE), written * PAGE)
                written += 1
            elif op == b"C":
                number, block, run = COPY.unpack(stream.exactly(COPY.size))
                if number >= len(bases) or (block + run) * PAGE > bases[number][1] or written + run > pages:
                    raise SystemExit("pagedelta: the delta refers to pages the base does not hold: is the"
                                     " pre-relocation dump on this host complete?")
                copy(fds[number], block * PAGE, fd, written * PAGE, run * PAGE)
                written += run
            else:
                raise SystemExit("pagedelta: unknown operation in the stream: " + repr(op))
    finally:
        os.close(fd)


def remove(folder):
    for leftover in os.listdir(folder):
        os.unlink(os.path.join(folder, leftover))
    os.rmdir(folder)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "index" and len(sys.argv) == 3:
        index(sys.argv[2])
    elif command == "make" and len(sys.argv) > 2:
        args = sys.argv[2:]
        compress = args[0] == "-z"
        if compress:
            args = args[1:]
        if len(args) == 2:
            make(args[0], args[1], compress=compress)
        elif len(args) in (3, 4, 5) and args[2] == "--wait":
            make(args[0], args[1], wait=True, log=args[3] if len(args) >= 4 else None, compress=compress,
                 app=args[4] if len(args) == 5 else None)
        else:
            raise SystemExit("usage: pagedelta.py make [-z] BASE NEW [--wait [LOG [PID]]]")
    elif command == "apply" and len(sys.argv) == 4:
        apply(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit("usage: pagedelta.py index BASE | make [-z] BASE NEW [--wait [LOG [PID]]] | apply BASE OUT")
