#!/usr/bin/env python3
"""Derive the Dutch word list that the compound splitter uses to accept compound parts.

Usage:  python3 scripts/build-wordlist.py [/usr/share/hunspell/nl.dic] [src/main/resources/search/wordlist-nl.txt.gz]

Source: nl.dic of the Debian package hunspell-nl (OpenTaal word list, (c) 1996 NTG, 2001-2005 Simon
Brouwer e.a., 2006-2020 OpenTaal; licence BSD-2-clause or CC-BY-3.0, see
src/main/resources/search/NOTICE.md).

Each entry is reduced to the form the Java analysis compares with (see DutchAnalysis.normalise):
affix flags and morphological comments are stripped, the ligature 'ij' (U+0133) becomes "ij",
diacritics are removed (coördinatie -> coordinatie). Only lower-case alphabetic words of 3 to 32
letters are kept: proper names, abbreviations in capitals, numbers and hyphenated entries are not
useful as compound parts. The output is sorted, one word a line, gzipped without a timestamp so that
the file only changes when the word list does.
"""
import gzip
import os
import sys
import unicodedata

DEFAULT_SOURCE = "/usr/share/hunspell/nl.dic"
# the default target is relative to the repository, wherever the script is run from
DEFAULT_TARGET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "search", "wordlist-nl.txt.gz")
MIN_LENGTH, MAX_LENGTH = 3, 32


def fold(word):
    word = word.replace("\u0133", "ij").replace("\u0132", "IJ")
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def words(path):
    result = set()
    with open(path, encoding="utf-8") as f:
        next(f)  # the first line holds the number of entries
        for line in f:
            fields = line.split()
            if not fields:
                continue
            word = fold(fields[0].split("/", 1)[0])
            if word.isascii() and word.isalpha() and word.islower() and MIN_LENGTH <= len(word) <= MAX_LENGTH:
                result.add(word)
    return sorted(result)


def main(argv):
    source = argv[1] if len(argv) > 1 else DEFAULT_SOURCE
    target = argv[2] if len(argv) > 2 else DEFAULT_TARGET
    result = words(source)
    data = ("\n".join(result) + "\n").encode("ascii")
    with open(target, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(data)
    print(f"{os.path.normpath(target)}: {len(result)} words")


if __name__ == "__main__":
    main(sys.argv)
