#!/usr/bin/env python3
"""Writes the vocabulary of suggested cluster names (ADR 0045):
src/main/resources/org/imageorganizer/ml/name-vocabulary.txt.

  /usr/bin/python3 scripts/make_name_vocabulary.py [--wordnet DIR] [--out FILE] [--wordnet-words N]

Offline, from three sources:
  1. the ImageNet-1k and COCO category names that torchvision ships (Debian's python3-torchvision,
     torchvision/models/_meta.py);
  2. WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet), filtered to concrete, everyday nouns:
     nouns of the lexicographer files animal, artifact, food, natural object, plant and phenomenon,
     in the sense that is their first or second meaning, tagged at least twice in WordNet's sense-tagged
     corpus (cntlist.rev), the most used first, one-word or two-word lemmas, no proper names;
  3. the hand-written scenes and events of scripts/name_scenes.txt (ours).
Deterministic: the same sources give the same file. Terms are lower case, one per line, each once.
"""
import argparse
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "src", "main", "resources", "org", "imageorganizer", "ml", "name-vocabulary.txt")
# lexicographer file numbers of WordNet nouns (lexnames): animal, artifact, food, object, phenomenon, plant
CONCRETE = {5: "animal", 6: "artifact", 13: "food", 17: "object", 19: "phenomenon", 20: "plant"}
# words too generic to name a group of photos, or not for naming anyone's photos
STOP = {"photo", "photograph", "picture", "image", "thing", "object", "item", "part", "piece", "unit", "device",
        "instrumentality", "artifact", "artefact", "whole", "entity", "matter", "material", "stuff", "article",
        "structure", "system", "element", "covering", "commodity", "merchandise", "product", "equipment",
        "implement", "means", "medium", "representation", "creation", "work", "facility", "way", "line", "form",
        "organism", "being", "animal", "plant", "food", "nutrient", "solid", "fluid", "liquid", "substance",
        "natural object", "phenomenon", "process", "consequence", "result", "effect", "cause", "source", "set",
        "group", "collection", "arrangement", "supply", "drug", "weapon", "gun", "bomb", "explosive", "rifle",
        "pistol", "revolver", "cannon", "missile", "ammunition", "bullet", "knife", "cigarette", "marijuana",
        "heroin", "cocaine", "narcotic", "poison", "condom", "penis", "vagina", "breast", "nude", "john"}

LICENCE = """# WordNet 3.0 licence (for the words taken from WordNet, and ImageNet's names, which are WordNet lemmas):
#   This software and database is being provided to you, the LICENSEE, by Princeton University under the
#   following license. By obtaining, using and/or copying this software and database, you agree that you
#   have read, understood, and will comply with these terms and conditions.:
#   Permission to use, copy, modify and distribute this software and database and its documentation for
#   any purpose and without fee or royalty is hereby granted, provided that you agree to comply with the
#   following copyright notice and statements, including the disclaimer, and that the same appear on ALL
#   copies of the software, database and documentation, including modifications that you make for
#   internal use or for distribution.
#   WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
#   THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
#   WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
#   REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
#   OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
#   COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
#   The name of Princeton University or Princeton may not be used in advertising or publicity pertaining
#   to distribution of the software and/or database. Title to copyright in this software, database and any
#   associated documentation shall at all times remain with Princeton University and LICENSEE agrees to
#   preserve same.
"""


def clean(term):
    term = term.replace("_", " ").strip().lower()
    term = re.sub(r"\s+", " ", term)
    return term


def acceptable(term):
    return (re.fullmatch(r"[a-z][a-z' -]*[a-z]", term) is not None and len(term.split()) <= 2
            and term not in STOP and not any(w in STOP for w in term.split() if w in {"gun", "bomb", "weapon", "drug"}))


def torchvision_names():
    try:
        from torchvision.models import _meta
    except ImportError:
        sys.exit("python3-torchvision is needed (apt-get install python3-torchvision)")
    imagenet = [clean(n) for n in _meta._IMAGENET_CATEGORIES]
    coco = [clean(n) for n in _meta._COCO_CATEGORIES if n not in ("__background__", "N/A")]
    return imagenet, coco


def proper_names(directory):
    """Lemmas that WordNet writes with a capital in a concrete synset (Harvard, Hudson Bay): names, not things."""
    names = set()
    with open(os.path.join(directory, "data.noun")) as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            if int(fields[1]) not in CONCRETE:
                continue
            for k in range(int(fields[3], 16)):
                word = fields[4 + 2 * k]
                if word != word.lower():
                    names.add(clean(word))
    return names


def wordnet_nouns(directory, limit):
    """Concrete nouns by how often their first or second sense was tagged in WordNet's corpus."""
    names = proper_names(directory)
    counts = collections.Counter()
    with open(os.path.join(directory, "cntlist.rev")) as f:
        for line in f:
            key, sense_number, tag_count = line.split()
            lemma, rest = key.split("%", 1)
            fields = rest.split(":")
            if fields[0] != "1" or int(fields[1]) not in CONCRETE or int(sense_number) > 2:
                continue
            if lemma != lemma.lower():
                continue
            counts[clean(lemma)] += int(tag_count)
    ranked = [t for t, c in sorted(counts.items(), key=lambda e: (-e[1], e[0]))
              if c >= 2 and acceptable(t) and t not in names]
    return ranked[:limit]


def scenes():
    with open(os.path.join(HERE, "name_scenes.txt")) as f:
        return [clean(line) for line in f if line.strip() and not line.startswith("#")]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wordnet", default="/usr/share/wordnet", help="WordNet's dict folder (wordnet-base)")
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--wordnet-words", type=int, default=1800, help="the most used WordNet nouns to keep")
    args = parser.parse_args()
    imagenet, coco = torchvision_names()
    parts = [("hand-written scenes and events (scripts/name_scenes.txt)", scenes()), ("COCO categories", coco),
             ("ImageNet-1k categories", imagenet), ("WordNet 3.0 nouns", wordnet_nouns(args.wordnet, args.wordnet_words))]
    seen = set()
    lines = []
    for name, terms in parts:
        kept = 0
        for term in terms:
            if term and term not in seen and (acceptable(term) or name.startswith("hand")):
                seen.add(term)
                lines.append(term)
                kept += 1
        print(f"{kept:5d} from {name}", file=sys.stderr)
    with open(args.out, "w") as out:
        out.write("# Vocabulary of suggested cluster names (ADR 0045), one term per line; lines starting with # are comments.\n")
        out.write("# Made by scripts/make_name_vocabulary.py from, in this order (a term is kept the first time it comes):\n")
        out.write("#  - hand-written scenes and events (scripts/name_scenes.txt), part of this program (AGPL-3.0-or-later);\n")
        out.write("#  - the COCO category names (COCO annotations, CC BY 4.0, The COCO Consortium) and the ImageNet-1k\n")
        out.write("#    category names (WordNet lemmas), both as shipped by torchvision (BSD-3-Clause) in Debian's\n")
        out.write("#    python3-torchvision, torchvision/models/_meta.py;\n")
        out.write("#  - WordNet 3.0 nouns (Debian's wordnet-base) of the lexicographer files animal, artifact, food, natural\n")
        out.write("#    object, phenomenon and plant, first or second sense, the most used first.\n")
        out.write(LICENCE)
        for term in lines:
            out.write(term + "\n")
    print(f"wrote {len(lines)} terms to {os.path.relpath(args.out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
