#!/usr/bin/env python3
"""Writes compatibility-decompositions.txt: the NFKD mapping of every character in the blocks below that has one.

.NET in globalization-invariant mode (which Civitas runs in) leaves string.Normalize as a no-op, so the matcher
carries the slice of the Unicode Character Database it needs. Rerun after a Unicode upgrade:
    python3 generate-decompositions.py > compatibility-decompositions.txt
"""
import unicodedata

# Blocks whose letters appear in names and addresses, plus the compatibility forms people paste by accident
# (full-width letters, ligatures, Arabic presentation forms, odd spaces).
BLOCKS = [
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0370, 0x04FF),  # Greek and Cyrillic
    (0x0600, 0x06FF),  # Arabic
    (0x1E00, 0x1FFF),  # Latin Extended Additional, Greek Extended
    (0x2000, 0x218F),  # General Punctuation (spaces), super/subscripts, letterlike symbols, number forms
    (0x2460, 0x24FF),  # Enclosed alphanumerics
    (0x3000, 0x3000),  # Ideographic space
    (0xFB00, 0xFDFF),  # Alphabetic presentation forms (ligatures), Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
    (0xFF00, 0xFFEF),  # Half-width and full-width forms
]

print(f"# NFKD decompositions, Unicode {unicodedata.unidata_version}: code point, then its decomposition (hex).")
for first, last in BLOCKS:
    for code in range(first, last + 1):
        decomposed = unicodedata.normalize("NFKD", chr(code))
        if decomposed != chr(code):
            print(f"{code:04X} " + " ".join(f"{ord(c):04X}" for c in decomposed))
