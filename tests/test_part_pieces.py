"""A changed part kept as pieces saves exactly as the joined bytes would: the same slices,
CRC and compressed bytes (with and without an end compressed elsewhere)."""

from __future__ import annotations

import itertools
import zlib

import pytest

from relance_xlsx.ooxml.docxzip import PackedTail, deflated
from relance_xlsx.ooxml.pieces import Pieces, as_bytes, crc32, views

DATA = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n * 7) for n in range(400))
CUTS = [
    pytest.param([], id="one-piece"),
    pytest.param([1, 2, 3], id="tiny-first-pieces"),
    pytest.param([100, 5000, 5001, 9000], id="empty-piece-between"),
    pytest.param([len(DATA) - 1], id="one-byte-last"),
]


def _pieces(cuts: list[int]) -> Pieces:
    bounds = [0, *cuts, len(DATA)]
    view = memoryview(DATA)
    # Views and bytes mixed, as a split sheet's are (its rows' stretches, new cells, the end).
    return Pieces(
        view[a:b] if i % 2 else DATA[a:b] for i, (a, b) in enumerate(itertools.pairwise(bounds))
    )


@pytest.mark.parametrize("cuts", CUTS)
def test_pieces_slice_and_sum_as_the_joined_bytes(cuts):
    part = _pieces(cuts)
    assert len(part) == len(DATA) and as_bytes(part) == DATA
    for start, end in [(0, 0), (0, None), (3, 4), (99, 5001), (5000, 5001), (17, len(DATA))]:
        expected = DATA[start:end]
        assert b"".join(views(part, start, end)) == expected
        assert crc32(part, start, end) == zlib.crc32(expected)


@pytest.mark.parametrize("cuts", CUTS)
def test_pieces_compress_to_the_same_bytes(cuts):
    part = _pieces(cuts)
    assert deflated("s.xml", part, 3) == deflated("s.xml", DATA, 3)
    tail = PackedTail.of(DATA[6000:], 3)  # the end compressed by another process
    joined = deflated("s.xml", DATA, 3, tail)
    assert deflated("s.xml", part, 3, tail) == joined
    assert zlib.decompress(joined.data, -15) == DATA


def _zip(tmp_path, entry):
    from relance_xlsx.ooxml.docxzip import write_zip

    path = tmp_path / "book.xlsx"
    write_zip(path, [deflated("a.xml", b"<a/>"), entry])
    return path


@pytest.mark.parametrize(
    ("lie", "error"),
    [
        pytest.param({}, None, id="as-announced"),
        pytest.param({"crc": 12345}, "CRC", id="wrong-crc"),
        pytest.param({"size": len(DATA) - 1}, "size", id="longer-than-announced"),
        pytest.param({"size": len(DATA) + 1}, "size", id="shorter-than-announced"),
        pytest.param({"size": 1 << 31}, "size", id="two-gigabytes-announced"),  # none allocated
        pytest.param({"method": 0, "data": DATA}, None, id="stored"),
    ],
)
def test_a_member_inflated_in_one_buffer_reads_as_zipfile_reads_it(tmp_path, lie, error):
    import dataclasses
    import zipfile

    from relance_xlsx.ooxml.docxzip import inflate_member

    path = _zip(tmp_path, dataclasses.replace(deflated("s.xml", DATA, 3), **lie))
    if error is None:
        assert inflate_member(path, "s.xml") == DATA == zipfile.ZipFile(path).read("s.xml")
        return
    with pytest.raises(zipfile.BadZipFile, match=error):
        inflate_member(path, "s.xml")


BIG = bytes(range(256)) * 8200  # over 2 MB: the CRC of its zeros by the operator
COMBINED = [  # (a, b): the CRC of a + b from those of a and of b
    pytest.param(b"", DATA, id="nothing-before"),
    pytest.param(DATA, b"", id="nothing-after"),
    pytest.param(DATA[:77], DATA[77:], id="a-letter-after-the-head"),
    pytest.param(DATA, BIG, id="a-sheet-end-of-megabytes"),
]


@pytest.mark.parametrize(("a", "b"), COMBINED)
def test_the_crc_of_two_runs_is_combined_as_zlib_sums_them_joined(a, b):
    from relance_xlsx.ooxml.docxzip import crc32_combine

    assert crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b)


@pytest.mark.parametrize("cuts", CUTS)
@pytest.mark.parametrize("at", [1, 6000, len(DATA) - 1])
def test_a_part_whose_end_was_compressed_elsewhere_is_saved_whole(cuts, at):
    """The child's part of a big sheet never comes back: its compressed stream follows the
    parent's, with the CRC and size of the whole, the same bytes as with the end here."""
    from relance_xlsx.ooxml.docxzip import deflated_before

    head = Pieces(views(_pieces(cuts), 0, at))
    tail = PackedTail.of(DATA[at:], 3)
    entry = deflated_before("s.xml", head, 3, tail)
    assert zlib.decompress(entry.data, -15) == DATA
    assert (entry.crc, entry.size) == (zlib.crc32(DATA), len(DATA))
    assert entry == deflated("s.xml", DATA, 3, tail)
