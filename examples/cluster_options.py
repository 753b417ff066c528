"""The options the engine examples share with `textgauge analyze`, turned
into keyword arguments of `textgauge.report_part` and friends."""

import argparse


def parser(description):
    """A parser for INPUT... OUT and the CLI's report options."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folders or files of .txt articles")
    p.add_argument("out", metavar="OUT", help="folder for the reports")
    p.add_argument("--group-by", choices=["folder"], help="compare the folders as groups")
    p.add_argument("--themes", help="a theme dictionary file (as --themes)")
    p.add_argument("--no-commentary", action="store_true")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--all-terms", action="store_true")
    p.add_argument("--min-count", type=int, default=1)
    p.add_argument("--min-g2", type=float, default=0.0)
    p.add_argument("--sentences", action="store_true")
    p.add_argument("--kwic", action="store_true")
    return p


def analysis_options(args):
    """What the first pass (`analyze_part`) takes."""
    return dict(themes=args.themes, commentary=not args.no_commentary)


def report_options(args):
    """What the second pass (`report_part`) and `write_reports` take."""
    return dict(
        analysis_options(args),
        top=args.top,
        all_terms=args.all_terms,
        min_count=args.min_count,
        min_g2=args.min_g2,
        sentences=args.sentences,
        kwic=args.kwic,
    )


def summary_line(documents, where, names, out, seconds, stats):
    """The line an example ends with: what it wrote, how long it took, the
    driver's peak memory and the size of the merged partial."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    partial = len(stats.to_bytes()) / 1e6
    return (
        f"{documents} documents, {where}: {', '.join(n + '.csv' for n in names)} in {out} "
        f"({seconds:.1f} s; driver peak {peak:.0f} MiB; merged partial {partial:.2f} MB, "
        f"{stats.vocabulary} terms)"
    )
