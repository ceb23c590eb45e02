# Page-level content delta of CRIU image folders; runs on the MEC hosts (python3 only, no modules beyond the stdlib).
#   index BASE               hash every 4 KiB page of BASE/pages-*.img into BASE/.page-index
#   make BASE NEW            write to stdout NEW as a delta against BASE: small files whole, pages either
#                            as a run of identical pages of BASE (found by hash, extended by memcmp) or as
#                            the page itself
#   apply BASE OUT           read a delta from stdin and write the full image folder into OUT
# Both hosts hold the same BASE (the pre-relocation checkpoint), so the sender never asks the receiver anything.
import hashlib, marshal, mmap, os, struct, sys

PAGE = 4096
MAGIC = b"MECMIGPD2"
RUN = 64  # pages compared at once when extending a run of pages both dumps share


def pages_files(folder):
    return sorted(f for f in os.listdir(folder) if f.startswith("pages-") and f.endswith(".img"))


def digest(block):
    return hashlib.blake2b(block, digest_size=16).digest()


def index(base):
    table = {}
    for number, name in enumerate(pages_files(base)):
        data = mapped(os.path.join(base, name))
        for block in range(len(data) // PAGE):
            table.setdefault(digest(data[block * PAGE:(block + 1) * PAGE]), (number, block))
    with open(os.path.join(base, ".page-index"), "wb") as f:
        marshal.dump(table, f)
    return table


def load_index(base):
    path = os.path.join(base, ".page-index")
    if not os.path.exists(path):
        return index(base)
    with open(path, "rb") as f:
        return marshal.load(f)


def mapped(path):
    """The file's bytes without a copy (CRIU's page images are large; copying them costs the frozen app time)."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        return memoryview(mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)) if size else memoryview(b"")


def same_run(data, first, base, start, limit):
    """How many pages from page `first` of data equal those from page `start` of base, at most `limit`: compared
    in runs of RUN pages (one memcmp each) and page by page only where a run differs."""
    length = 0
    while length < limit:
        chunk = min(RUN, limit - length)
        a = (first + length) * PAGE
        b = (start + length) * PAGE
        if data[a:a + chunk * PAGE] == base[b:b + chunk * PAGE]:
            length += chunk
            continue
        for _ in range(chunk):
            a = (first + length) * PAGE
            b = (start + length) * PAGE
            if data[a:a + PAGE] != base[b:b + PAGE]:
                return length
            length += 1
    return length


def make(base, new):
    table = load_index(base)
    bases = [mapped(os.path.join(base, name)) for name in pages_files(base)]
    out = sys.stdout.buffer
    out.write(MAGIC)
    literal = reused = 0
    copy = struct.Struct("<cIII").pack
    for name in sorted(os.listdir(new)):
        path = os.path.join(new, name)
        if not os.path.isfile(path) or name.startswith("."):
            continue
        data = mapped(path)
        encoded = name.encode()
        if name.startswith("pages-") and name.endswith(".img") and len(data) % PAGE == 0:
            count = len(data) // PAGE
            out.write(b"P" + struct.pack("<HQ", len(encoded), count) + encoded)
            block = 0
            while block < count:
                page = data[block * PAGE:(block + 1) * PAGE]
                ref = table.get(digest(page))
                if ref is None:
                    out.write(b"L")
                    out.write(page)
                    literal += 1
                    block += 1
                    continue
                # A page seen before usually starts a run of pages that follow each other in both dumps too.
                number, start = ref
                source = bases[number]
                run = 1 + same_run(data, block + 1, source, start + 1,
                                   min(count - block, len(source) // PAGE - start) - 1)
                out.write(copy(b"C", number, start, run))
                reused += run
                block += run
        else:
            out.write(b"F" + struct.pack("<HQ", len(encoded), len(data)) + encoded)
            out.write(data)
    out.write(b"E")
    out.flush()
    sys.stderr.write("pages literal %d reused %d\n" % (literal, reused))


def read_exactly(stream, size):
    data = stream.read(size)
    if len(data) != size:
        raise SystemExit("pagedelta: the delta stream ended early (%d of %d bytes): the link or the sender failed"
                         % (len(data), size))
    return data


def apply(base, out_dir):
    names = pages_files(base)
    maps = [mapped(os.path.join(base, name)) for name in names]
    stream = sys.stdin.buffer
    if read_exactly(stream, len(MAGIC)) != MAGIC:
        raise SystemExit("pagedelta: not a page delta stream")
    os.makedirs(out_dir, exist_ok=True)
    while True:
        kind = read_exactly(stream, 1)
        if kind == b"E":
            break
        length, count = struct.unpack("<HQ", read_exactly(stream, 10))
        name = read_exactly(stream, length).decode()
        if "/" in name or name.startswith("."):
            raise SystemExit("pagedelta: bad file name in the stream: " + name)
        with open(os.path.join(out_dir, name), "wb") as f:
            if kind == b"F":
                f.write(read_exactly(stream, count))
                continue
            written = 0
            while written < count:
                op = read_exactly(stream, 1)
                if op == b"L":
                    f.write(read_exactly(stream, PAGE))
                    written += 1
                elif op == b"C":
                    number, block, run = struct.unpack("<III", read_exactly(stream, 12))
                    if number >= len(maps) or (block + run) * PAGE > len(maps[number]) or written + run > count:
                        raise SystemExit("pagedelta: the delta refers to pages the base does not hold: is the"
                                         " pre-relocation dump on this host complete?")
                    f.write(maps[number][block * PAGE:(block + run) * PAGE])
                    written += run
                else:
                    raise SystemExit("pagedelta: unknown operation in the stream: " + repr(op))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "index" and len(sys.argv) == 3:
        index(sys.argv[2])
    elif command == "make" and len(sys.argv) == 4:
        make(sys.argv[2], sys.argv[3])
    elif command == "apply" and len(sys.argv) == 4:
        apply(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit("usage: pagedelta.py index BASE | make BASE NEW | apply BASE OUT")
