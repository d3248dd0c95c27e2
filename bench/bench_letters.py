"""Letters per second: relance-xlsx's compiled templates against one DocxTemplate per letter.

Both render the same bundled template with the same context, in this process, one after the
other. Then the print bundle of the same letters is built, and timed on its own.

    python bench/bench_letters.py                 # 500 letters, baseline on 100
    python bench/bench_letters.py 3000 --baseline 200 --compose 100
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docxcompose.composer import Composer
from docxtpl import DocxTemplate

from relance_xlsx.letters import (
    BundleWriter,
    LetterJob,
    Placement,
    bundled_templates,
    compiled_template,
    jinja_env,
    letter_fragment,
    render_letters,
    sample_context,
)
from relance_xlsx.progress import Quiet

KIND = "relance_2"


def docxtpl_loop(template: Path, context: dict, folder: Path, n: int) -> float:
    """The plain way: a new DocxTemplate per letter, rendered safely and saved."""
    start = time.perf_counter()
    for i in range(n):
        doc = DocxTemplate(str(template))
        doc.render(context, jinja_env=jinja_env(), autoescape=True)
        doc.save(str(folder / f"docxtpl-{i}.docx"))
    return time.perf_counter() - start


def compiled_loop(template: Path, context: dict, folder: Path, n: int) -> tuple[float, list]:
    """relance-xlsx in one process: compile once (timed), render and write every letter."""
    start = time.perf_counter()
    compiled = compiled_template(template, jinja_env)
    assert compiled is not None
    rendered = []
    for i in range(n):
        letter = compiled.render(context)
        compiled.write(letter, folder / f"fast-{i}.docx")
        rendered.append(letter)
    return time.perf_counter() - start, rendered


def bundle_time(template: Path, rendered: list, folder: Path) -> float:
    """Build the print bundle from letters already rendered: this step alone."""
    compiled = compiled_template(template, jinja_env)
    assert compiled is not None
    start = time.perf_counter()
    writer = BundleWriter(compiled, folder / "a_imprimer.docx")
    for i, letter in enumerate(rendered):
        place = Placement(i, i == len(rendered) - 1, duplex=True)
        writer.add(letter_fragment(compiled, letter, place))
    writer.close()
    return time.perf_counter() - start


def compose_time(paths: list[Path], folder: Path) -> float:
    """docxcompose, as the first version did: append each letter with a page break."""
    start = time.perf_counter()
    composer = Composer(Document(str(paths[0])))
    for path in paths[1:]:
        composer.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        composer.append(Document(str(path)))
    composer.save(str(folder / "compose.docx"))
    return time.perf_counter() - start


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letters", type=int, nargs="?", default=500)
    parser.add_argument("--baseline", type=int, default=100, help="letters for the docxtpl loop")
    parser.add_argument("--compose", type=int, default=0, help="also time docxcompose on N")
    args = parser.parse_args()
    template = bundled_templates() / f"{KIND}.docx"
    context = sample_context("fr", KIND)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = docxtpl_loop(template, context, folder, args.baseline)
        fast, rendered = compiled_loop(template, context, folder, args.letters)
        jobs = [LetterJob(template, context, folder / f"job-{i}.docx") for i in range(args.letters)]
        start = time.perf_counter()
        render_letters(jobs, folder / "run.docx", Quiet(), workers=2)
        pooled = time.perf_counter() - start
        bundle = bundle_time(template, rendered, folder)
        base_rate, fast_rate = args.baseline / base, args.letters / fast
        pooled_rate = args.letters / pooled
        print(f"template {KIND}.docx, {len(context['invoices'])} invoices per letter")
        print(f"{'':42} {'letters/s':>10} {'ratio':>7}")
        print(f"{'docxtpl, one DocxTemplate per letter':42} {base_rate:10.1f} {'1.0x':>7}")
        ratio = fast_rate / base_rate
        print(f"{'relance-xlsx, compiled, 1 process':42} {fast_rate:10.1f} {ratio:6.1f}x")
        print(
            f"{'relance-xlsx, run with bundle, 2 workers':42} {pooled_rate:10.1f} "
            f"{pooled_rate / base_rate:6.1f}x"
        )
        print(f"bundle of {args.letters} letters (alone): {bundle:.2f} s")
        if args.compose:
            paths = [folder / f"fast-{i}.docx" for i in range(args.compose)]
            print(
                f"docxcompose bundle of {args.compose} letters: {compose_time(paths, folder):.2f} s"
            )


if __name__ == "__main__":
    main()
