#!/usr/bin/env python3
"""Writes the conformance corpus (bad/, valid/, verify-fail/) beside this script.

The corpus comes from docs/rules.md (R1-R10) and docs/findings-format.md only, never from the
library. Every expected block below was worked out by hand from the rules and is written here as a
literal. Before writing a valid document the script recomputes its expected block with `evaluate`,
a small evaluator written from the same two documents (exact fractions, no floating point), and
stops if the two disagree: a second, independent path to each value, not the source of it.

Run: python3 make_corpus.py   (it deletes and rewrites the three folders; the files are committed)
"""
import datetime
import json
import os
import re
import shutil
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------------------------------------
# A tiny JSON writer that can emit number literals verbatim (Raw) and keeps field order.
class Raw(str):
    """A JSON literal written as is (numbers the spec cares about the spelling of)."""


def dump(value, indent=0):
    pad = "  " * indent
    if isinstance(value, Raw):
        return str(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = ",\n".join("  " * (indent + 1) + dump(v, indent + 1) for v in value)
        return "[\n" + inner + "\n" + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        # small leaf objects on one line, like the seeds
        if all(not isinstance(v, (dict, list)) for v in value.values()) and len(value) <= 4:
            return "{ " + ", ".join(json.dumps(k, ensure_ascii=False) + ": " + dump(v) for k, v in value.items()) + " }"
        inner = ",\n".join("  " * (indent + 1) + json.dumps(k, ensure_ascii=False) + ": " + dump(v, indent + 1) for k, v in value.items())
        return "{\n" + inner + "\n" + pad + "}"
    raise TypeError(value)


# ---------------------------------------------------------------------------------------------
# The base document. Worked out by hand:
#   P2.1: 55%, 30/50 = 60%, 19/60 = 31.67%        -> lowest P2.1.3 -> Inadequate (0)
#   P2.2: 70%, 40/50 = 80%, 66%                    -> lowest P2.2.3 -> Good (2)
#   P2.3: 52%, 45%, 35%                            -> lowest P2.3.3 -> Inadequate, overridden to RI (1)
#   P2.4: 90%, 9/10 = 90%, cases Yes/No = 1/2 50%  -> lowest P2.4.3 -> RequiresImprovement (1)
#   score 2+2+2+0+2+1+1 = 10 of 21 -> RequiresImprovement (6-10)
#   C1 start 2024-07-22, suspended 2024-09-02: 42 days <= 56 -> Reset, adjusted; C2 not suspended
#   cases 2 inspected, 1 Reset, 1 adjusted
BASE = """{
  "framework": "probation-pdu-2023",
  "unit": "Corpus PDU",
  "fieldworkStarted": "2025-03-10",
  "organisational": {
    "P1.1": "Good",
    "P1.2": "Good",
    "P1.3": "Good"
  },
  "keyQuestions": {
    "P2.1.1": 55,
    "P2.1.2": { "yes": 30, "relevant": 50 },
    "P2.1.3": { "yes": 19, "relevant": 60 },
    "P2.2.1": 70,
    "P2.2.2": { "yes": 40, "relevant": 50 },
    "P2.2.3": 66,
    "P2.3.1": 52,
    "P2.3.2": 45,
    "P2.3.3": 35,
    "P2.4.1": 90,
    "P2.4.2": { "yes": 9, "relevant": 10 }
  },
  "cases": [
    {
      "id": "C1",
      "sentence": "Licence",
      "start": "2024-07-22",
      "suspended": "2024-09-02",
      "exemption": null,
      "answers": { "P2.4.3": "Yes" }
    },
    {
      "id": "C2",
      "sentence": "CommunityOrder",
      "start": "2024-07-23",
      "answers": { "P2.4.3": "No" }
    }
  ],
  "overrides": {
    "P2.3": { "rating": "RequiresImprovement", "reason": "inspectors' discretion" }
  },
  "expected": {
    "standards": {
      "P1.1": "Good",
      "P1.2": "Good",
      "P1.3": "Good",
      "P2.1": { "rating": "Inadequate", "computedRating": "Inadequate", "drivenBy": "P2.1.3", "points": 0 },
      "P2.2": { "rating": "Good", "computedRating": "Good", "drivenBy": "P2.2.3", "points": 2 },
      "P2.3": { "rating": "RequiresImprovement", "computedRating": "Inadequate", "drivenBy": "P2.3.3", "points": 1 },
      "P2.4": { "rating": "RequiresImprovement", "computedRating": "RequiresImprovement", "drivenBy": "P2.4.3", "points": 1 }
    },
    "score": 10,
    "maxScore": 21,
    "overall": "RequiresImprovement",
    "casesInspected": 2,
    "resetCases": 1,
    "adjustedCases": 1
  }
}
"""


def sub(text, old, new, count=1):
    """Replace `old` (which must occur exactly `count` times) by `new`."""
    found = text.count(old)
    if found != count:
        raise ValueError(f"{old!r} occurs {found} times, not {count}")
    return text.replace(old, new)


def mut(*pairs, text=BASE):
    for old, new in pairs:
        text = sub(text, old, new)
    return text


def remove_line(text, line):
    return sub(text, line, "")


ORG = '\n    "P1.1": "Good",'         # the organisational entry (4-space indent: unique)
ORG2 = '\n    "P1.2": "Good",'
ORG3 = '\n    "P1.3": "Good"\n'
UNIT = '"unit": "Corpus PDU",'
KQ11 = '"P2.1.1": 55,'
KQ12 = '"P2.1.2": { "yes": 30, "relevant": 50 },'
KQ13 = '"P2.1.3": { "yes": 19, "relevant": 60 },'
KQ42 = '"P2.4.2": { "yes": 9, "relevant": 10 }'
C1_ID = '"id": "C1",'
C2_ID = '"id": "C2",'
C1_START = '"start": "2024-07-22",'
C1_SUSP = '"suspended": "2024-09-02",'
C2_START = '"start": "2024-07-23",'
C1_ANS = '"answers": { "P2.4.3": "Yes" }'
C2_ANS = '"answers": { "P2.4.3": "No" }'
C1_SENT = '"sentence": "Licence",'
C1_EXEMPT = '"exemption": null,'
TAGS = '"tags": { "team": "North" },'   # not in the base: added by the documents about tags
OVR = '"P2.3": { "rating": "RequiresImprovement", "reason": "inspectors\' discretion" }'
REASON = '"reason": "inspectors\' discretion"'
EXP_SCORE = '"score": 10,'
EXP_MAX = '"maxScore": 21,'
EXP_OVERALL = '"overall": "RequiresImprovement",'
EXP_CASES = '"casesInspected": 2,'
EXP_RESET = '"resetCases": 1,'
EXP_ADJ = '"adjustedCases": 1\n'
EXP_P11 = '      "P1.1": "Good",'
EXP_P21 = '"P2.1": { "rating": "Inadequate", "computedRating": "Inadequate", "drivenBy": "P2.1.3", "points": 0 },'


def kq_set(n, value):
    """Replace the value of key question n of the base keyQuestions."""
    lines = {"P2.1.1": KQ11, "P2.1.2": KQ12, "P2.1.3": KQ13, "P2.4.2": KQ42}
    old = lines[n]
    comma = "," if old.endswith(",") else ""
    return (old, f'"{n}": {value}{comma}')


# ---------------------------------------------------------------------------------------------
# Bad documents: name -> str (written as UTF-8) or bytes. One defect each unless the name says.
def bad_documents():
    b = {}

    # --- malformed JSON -------------------------------------------------------------------
    b["syntax-missing-comma"] = mut((UNIT, '"unit": "Corpus PDU"'))
    b["syntax-line-comment"] = mut((UNIT, UNIT + " // the unit"))
    b["syntax-block-comment"] = mut((UNIT, "/* the unit */ " + UNIT))
    b["syntax-hash-comment"] = mut((UNIT, UNIT + "\n  # the unit"))
    b["syntax-trailing-comma-object"] = mut((ORG3, '\n    "P1.3": "Good",\n'))
    b["syntax-trailing-comma-array"] = mut(("    }\n  ],\n  \"overrides\"", "    },\n  ],\n  \"overrides\""))
    b["syntax-trailing-comma-top-level"] = mut(('"adjustedCases": 1\n  }\n}', '"adjustedCases": 1\n  },\n}'))
    b["syntax-trailing-content-word"] = BASE + "x\n"
    b["syntax-trailing-content-brace"] = BASE + "}\n"
    b["syntax-trailing-content-comma"] = BASE.rstrip() + ",\n"
    b["syntax-second-document"] = BASE + '{ "unit": "again" }\n'
    b["syntax-second-document-whole"] = BASE + BASE
    b["syntax-unpaired-high-surrogate-in-value"] = mut((UNIT, '"unit": "Corpus \\ud800 PDU",'))
    b["syntax-unpaired-high-surrogate-at-end-of-value"] = mut((UNIT, '"unit": "Corpus PDU\\ud800",'))
    b["syntax-unpaired-low-surrogate-in-value"] = mut((UNIT, '"unit": "Corpus \\udc00 PDU",'))
    b["syntax-surrogates-in-wrong-order"] = mut((UNIT, '"unit": "Corpus \\udc00\\ud800 PDU",'))
    b["syntax-high-surrogate-then-letter-escape"] = mut((UNIT, '"unit": "Corpus \\ud800\\u0041 PDU",'))
    b["syntax-unpaired-surrogate-in-field-name"] = mut((UNIT, UNIT + ' "\\ud800": 1,'))
    b["syntax-unpaired-surrogate-in-answers-field-name"] = mut((C1_ANS, '"answers": { "P2.4.3": "Yes", "P2.4.3\\udfff": "Yes" }'))
    b["syntax-invalid-escape"] = mut((UNIT, '"unit": "Corpus \\x41 PDU",'))
    b["syntax-short-unicode-escape"] = mut((UNIT, '"unit": "Corpus \\u41 PDU",'))
    b["syntax-unterminated-string"] = BASE[: BASE.index('"Corpus PDU"') + 7]
    b["syntax-truncated-document"] = BASE[: len(BASE) // 2]
    b["syntax-unquoted-field-name"] = mut((UNIT, 'unit: "Corpus PDU",'))
    b["syntax-single-quoted-strings"] = mut((UNIT, "'unit': 'Corpus PDU',"))
    b["syntax-nan"] = mut(kq_set("P2.1.1", "NaN"))
    b["syntax-infinity"] = mut(kq_set("P2.1.1", "Infinity"))
    b["syntax-leading-zero"] = mut(kq_set("P2.1.1", "055"))
    b["syntax-plus-sign"] = mut(kq_set("P2.1.1", "+55"))
    b["syntax-hex-number"] = mut(kq_set("P2.1.1", "0x37"))
    b["syntax-leading-dot"] = mut(kq_set("P2.1.1", ".55"))
    b["syntax-trailing-dot"] = mut(kq_set("P2.1.1", "55."))
    b["syntax-exponent-without-digits"] = mut(kq_set("P2.1.1", "55e"))
    b["syntax-raw-newline-in-string"] = mut((UNIT, '"unit": "Corpus\nPDU",'))
    b["syntax-raw-tab-in-string"] = mut((UNIT, '"unit": "Corpus\tPDU",'))
    b["syntax-raw-nul-in-string"] = mut((UNIT, '"unit": "Corpus\x00PDU",'))
    b["syntax-capitalised-null"] = mut((C1_EXEMPT, '"exemption": NULL,'))
    b["syntax-python-none"] = mut((C1_EXEMPT, '"exemption": None,'))
    b["syntax-empty-file"] = ""
    b["syntax-whitespace-only"] = " \n\t\r\n  \n"
    b["syntax-bom-only"] = b"\xef\xbb\xbf"
    b["syntax-two-byte-order-marks"] = b"\xef\xbb\xbf\xef\xbb\xbf" + BASE.encode()
    b["syntax-nbsp-between-tokens"] = mut((UNIT, '"unit":\u00a0"Corpus PDU",'))
    b["top-level-empty-array"] = "[]"
    b["top-level-null"] = "null"
    b["top-level-string"] = '"probation-pdu-2023"'
    b["top-level-number"] = "42"
    b["top-level-true"] = "true"
    b["top-level-array-of-document"] = "[" + BASE + "]"
    b["top-level-empty-object"] = "{}"
    deep = 100_000
    b["nesting-100000-arrays-in-unit"] = mut((UNIT, '"unit": ' + "[" * deep + "]" * deep + ","))
    b["nesting-100000-objects-in-unit"] = mut((UNIT, '"unit": ' + '{"a":' * deep + "1" + "}" * deep + ","))
    b["nesting-100000-arrays-whole-document"] = "[" * deep + "]" * deep
    b["nesting-100000-unclosed-arrays"] = "[" * deep
    b["nesting-100000-in-expected"] = mut((EXP_SCORE, '"score": ' + "[" * deep + "10" + "]" * deep + ","))

    # --- not UTF-8 ------------------------------------------------------------------------
    raw = BASE.encode("utf-8")
    unit = b'"unit": "Corpus PDU",'

    def bytes_unit(value):
        assert raw.count(unit) == 1
        return raw.replace(unit, b'"unit": "Corpus ' + value + b' PDU",')

    b["utf8-invalid-byte-ff"] = bytes_unit(b"\xff")
    b["utf8-invalid-lone-continuation-byte"] = bytes_unit(b"\x80")
    b["utf8-invalid-overlong-slash"] = bytes_unit(b"\xc0\xaf")
    b["utf8-invalid-truncated-sequence"] = bytes_unit(b"\xe2\x82")
    b["utf8-invalid-encoded-surrogate"] = bytes_unit(b"\xed\xa0\x80")
    b["utf8-invalid-above-u10ffff"] = bytes_unit(b"\xf4\x90\x80\x80")
    b["utf8-invalid-byte-in-field-name"] = raw.replace(unit, unit + b' "n\xfeme": 1,')
    b["utf8-invalid-byte-between-tokens"] = raw.replace(unit, unit + b" \xff")
    b["utf8-invalid-byte-in-last-line"] = raw.rstrip() + b"\xff\n"
    b["utf16le-with-bom"] = b"\xff\xfe" + BASE.encode("utf-16-le")
    b["utf16be-with-bom"] = b"\xfe\xff" + BASE.encode("utf-16-be")
    b["utf16le-without-bom"] = BASE.encode("utf-16-le")
    b["utf16be-without-bom"] = BASE.encode("utf-16-be")
    b["utf32le-with-bom"] = b"\xff\xfe\x00\x00" + BASE.encode("utf-32-le")
    b["utf32be-with-bom"] = b"\x00\x00\xfe\xff" + BASE.encode("utf-32-be")
    b["windows-1252-e-acute"] = raw.replace(unit, b'"unit": "Caf\xe9 PDU",')
    b["windows-1252-curly-apostrophe"] = raw.replace(b"inspectors' discretion", b"inspectors\x92 discretion")

    # --- duplicate keys at every depth ----------------------------------------------------
    b["duplicate-top-level-unit"] = mut((UNIT, UNIT + ' "unit": "Other PDU",'))
    b["duplicate-top-level-expected"] = mut(('  "expected": {', '  "expected": { "score": 10 },\n  "expected": {'))
    b["duplicate-top-level-by-escape"] = mut((UNIT, UNIT + ' "\\u0075nit": "Corpus PDU",'))
    b["duplicate-organisational-different-values"] = mut((ORG, ORG + ' "P1.1": "Inadequate",'))
    b["duplicate-organisational-same-value"] = mut((ORG, ORG + ' "P1.1": "Good",'))
    b["duplicate-key-question"] = mut((KQ11, KQ11 + ' "P2.1.1": 55,'))
    b["duplicate-count-field"] = mut((KQ12, '"P2.1.2": { "yes": 30, "yes": 31, "relevant": 50 },'))
    b["duplicate-case-field"] = mut((C1_ID, C1_ID + ' "id": "C3",'))
    b["duplicate-case-answer"] = mut((C1_ANS, '"answers": { "P2.4.3": "Yes", "P2.4.3": "No" }'))
    b["duplicate-case-tag"] = mut((C1_EXEMPT, C1_EXEMPT + ' "tags": { "team": "North", "team": "South" },'))
    b["duplicate-override"] = mut((OVR, OVR + ',\n    "P2.3": { "rating": "Good", "reason": "second" }'))
    b["duplicate-override-field"] = mut((REASON, REASON + ', "reason": "again"'))
    b["duplicate-expected-field"] = mut((EXP_SCORE, EXP_SCORE + ' "score": 10,'))
    b["duplicate-expected-standards-id"] = mut((EXP_P11, EXP_P11 + ' "P1.1": "Good",'))
    b["duplicate-expected-standards-object-field"] = mut((EXP_P21, EXP_P21.replace('"points": 0', '"points": 0, "rating": "Inadequate"')))

    # --- unknown fields at every depth ----------------------------------------------------
    b["unknown-field-top-level"] = mut((UNIT, UNIT + ' "inspector": "A. N. Other",'))
    b["unknown-field-top-level-null-value"] = mut((UNIT, UNIT + ' "notes": null,'))
    b["unknown-field-top-level-differs-in-case"] = mut((UNIT, UNIT + ' "Unit": "Corpus PDU",'))
    b["unknown-field-in-counts"] = mut((KQ12, '"P2.1.2": { "yes": 30, "relevant": 50, "percent": 60 },'))
    b["unknown-field-in-case"] = mut((C1_ID, C1_ID + ' "name": "J. Smith",'))
    b["unknown-field-in-override"] = mut((REASON, REASON + ', "by": "lead inspector"'))
    b["unknown-field-in-expected"] = mut((EXP_SCORE, EXP_SCORE + ' "rating": "Good",'))
    b["unknown-field-in-expected-standards-object"] = mut((EXP_P21, EXP_P21.replace('"points": 0', '"points": 0, "name": "Assessment"')))
    b["unknown-standard-in-expected-standards"] = mut((EXP_P11, EXP_P11 + ' "P2.9": "Good",'))
    b["tag-value-not-a-string"] = mut((C1_EXEMPT, C1_EXEMPT + ' "tags": { "team": 5 },'))

    # --- framework ------------------------------------------------------------------------
    b["framework-unknown"] = mut(('"framework": "probation-pdu-2023"', '"framework": "probation-pdu-1999"'))
    b["framework-empty"] = mut(('"framework": "probation-pdu-2023"', '"framework": ""'))
    b["framework-not-a-string"] = mut(('"framework": "probation-pdu-2023"', '"framework": 2023'))
    b["framework-with-leading-space"] = mut(('"framework": "probation-pdu-2023"', '"framework": " probation-pdu-2023"'))
    b["framework-and-fieldwork-both-absent"] = mut(('  "framework": "probation-pdu-2023",\n', ""), ('  "fieldworkStarted": "2025-03-10",\n', ""))

    # --- unknown ids ----------------------------------------------------------------------
    b["unknown-standard-in-organisational"] = mut((ORG3, '\n    "P1.3": "Good",\n    "P1.4": "Good"\n'))
    b["case-standard-in-organisational"] = mut((ORG3, '\n    "P1.3": "Good",\n    "P2.1": "Good"\n'))
    b["unknown-key-question-P2.4.9"] = mut((KQ42, KQ42 + ',\n    "P2.4.9": 52'))
    b["unknown-key-question-P2.5.1"] = mut((KQ42, KQ42 + ',\n    "P2.5.1": 52'))
    b["standard-id-as-key-question"] = mut((KQ42, KQ42 + ',\n    "P2.1": 52'))
    b["judgement-id-as-key-question"] = mut((KQ42, KQ42 + ',\n    "P1.1.1": 52'))
    b["unknown-key-question-in-answers"] = mut((C1_ANS, '"answers": { "P2.4.3": "Yes", "P2.9.9": "Yes" }'))
    b["unknown-standard-in-overrides"] = mut((OVR, OVR.replace('"P2.3"', '"P2.5"')))

    # --- values outside their lists -------------------------------------------------------
    b["rating-outside-list"] = mut((ORG, '\n    "P1.1": "Excellent",'))
    b["rating-empty"] = mut((ORG, '\n    "P1.1": "",'))
    b["rating-number"] = mut((ORG, '\n    "P1.1": 2,'))
    b["rating-null"] = mut((ORG, '\n    "P1.1": null,'))
    b["rating-not-applicable"] = mut((ORG, '\n    "P1.1": "NotApplicable",'))
    b["rating-with-newline"] = mut((ORG, '\n    "P1.1": "Good\\nOutstanding",'))
    b["rating-with-carriage-return"] = mut((ORG, '\n    "P1.1": "Good\\r",'))
    b["rating-with-nul"] = mut((ORG, '\n    "P1.1": "Go\\u0000od",'))
    b["rating-with-quote"] = mut((ORG, '\n    "P1.1": "Go\\"od",'))
    b["rating-with-line-separator"] = mut((ORG, '\n    "P1.1": "Good\\u2028Outstanding",'))
    b["rating-10000-characters"] = mut((ORG, '\n    "P1.1": "' + "G" * 10_000 + '",'))
    b["answer-outside-list"] = mut((C2_ANS, '"answers": { "P2.4.3": "Maybe" }'))
    b["answer-misspelt"] = mut((C2_ANS, '"answers": { "P2.4.3": "Yess" }'))
    b["answer-boolean"] = mut((C2_ANS, '"answers": { "P2.4.3": true }'))
    b["answer-number"] = mut((C2_ANS, '"answers": { "P2.4.3": 1 }'))
    b["answer-a-rating"] = mut((C2_ANS, '"answers": { "P2.4.3": "Good" }'))
    b["answer-with-newline"] = mut((C2_ANS, '"answers": { "P2.4.3": "No\\nYes" }'))
    b["sentence-outside-list"] = mut((C1_SENT, '"sentence": "Caution",'))
    b["sentence-empty"] = mut((C1_SENT, '"sentence": "",'))
    b["sentence-number"] = mut((C1_SENT, '"sentence": 3,'))
    b["exemption-outside-list"] = mut((C1_EXEMPT, '"exemption": "Celebrity",'))
    b["exemption-empty"] = mut((C1_EXEMPT, '"exemption": "",'))
    b["exemption-boolean"] = mut((C1_EXEMPT, '"exemption": true,'))
    b["override-rating-outside-list"] = mut((OVR, OVR.replace('"RequiresImprovement"', '"Excellent"')))
    b["expected-standard-rating-outside-list"] = mut((EXP_P11, '      "P1.1": "Great",'))

    # --- percentages ----------------------------------------------------------------------
    b["percentage-140"] = mut(kq_set("P2.1.1", "140"))
    b["percentage-minus-1"] = mut(kq_set("P2.1.1", "-1"))
    b["percentage-just-above-100"] = mut(kq_set("P2.1.1", "100.00000000000000000001"))
    b["percentage-just-below-0"] = mut(kq_set("P2.1.1", "-0.00000000000000000001"))
    b["percentage-1e100"] = mut(kq_set("P2.1.1", "1e100"))
    b["percentage-string"] = mut(kq_set("P2.1.1", '"55"'))
    b["percentage-string-with-percent-sign"] = mut(kq_set("P2.1.1", '"55%"'))
    b["percentage-boolean"] = mut(kq_set("P2.1.1", "true"))
    b["percentage-null"] = mut(kq_set("P2.1.1", "null"))
    b["percentage-array"] = mut(kq_set("P2.1.1", "[55]"))
    b["percentage-literal-101-characters"] = mut(kq_set("P2.1.1", "55." + "0" * 98))
    b["percentage-100000-zeros-after-point"] = mut(kq_set("P2.1.1", "55." + "0" * 100_000))
    b["percentage-exponent-101"] = mut(kq_set("P2.1.1", "1e101"))
    b["percentage-exponent-minus-101"] = mut(kq_set("P2.1.1", "1e-101"))
    b["percentage-exponent-with-24-digits"] = mut(kq_set("P2.1.1", "1e999999999999999999999999"))

    # --- counts ---------------------------------------------------------------------------
    b["count-yes-negative"] = mut(kq_set("P2.1.2", '{ "yes": -1, "relevant": 50 }'))
    b["count-relevant-negative"] = mut(kq_set("P2.1.2", '{ "yes": 0, "relevant": -50 }'))
    b["count-yes-fractional"] = mut(kq_set("P2.1.2", '{ "yes": 2.5, "relevant": 50 }'))
    b["count-yes-fractional-exponent"] = mut(kq_set("P2.1.2", '{ "yes": 25e-1, "relevant": 50 }'))
    b["count-yes-tiny-fraction"] = mut(kq_set("P2.1.2", '{ "yes": 30.0000000000000000000001, "relevant": 50 }'))
    b["count-relevant-2-to-the-63"] = mut(kq_set("P2.1.2", '{ "yes": 30, "relevant": 9223372036854775808 }'))
    b["count-yes-and-relevant-2-to-the-63"] = mut(kq_set("P2.1.2", '{ "yes": 9223372036854775808, "relevant": 9223372036854775808 }'))
    b["count-relevant-1e19"] = mut(kq_set("P2.1.2", '{ "yes": 30, "relevant": 1e19 }'))
    b["count-relevant-1e101"] = mut(kq_set("P2.1.2", '{ "yes": 30, "relevant": 1e101 }'))
    b["count-literal-101-characters"] = mut(kq_set("P2.1.2", '{ "yes": 30.' + "0" * 98 + ', "relevant": 50 }'))
    b["count-yes-string"] = mut(kq_set("P2.1.2", '{ "yes": "30", "relevant": 50 }'))
    b["count-yes-null"] = mut(kq_set("P2.1.2", '{ "yes": null, "relevant": 50 }'))
    b["count-relevant-missing"] = mut(kq_set("P2.1.2", '{ "yes": 30 }'))
    b["count-yes-missing"] = mut(kq_set("P2.1.2", '{ "relevant": 50 }'))
    b["count-empty-object"] = mut(kq_set("P2.1.2", "{}"))
    b["count-yes-more-than-relevant"] = mut(kq_set("P2.1.2", '{ "yes": 51, "relevant": 50 }'))
    b["count-yes-more-than-relevant-near-2-to-the-63"] = mut(kq_set("P2.1.2", '{ "yes": 9223372036854775807, "relevant": 9223372036854775806 }'))

    # --- dates ----------------------------------------------------------------------------
    def start(value):
        return mut((C1_START, f'"start": {value},'))

    b["date-2025-02-30"] = start('"2025-02-30"')
    b["date-2025-13-01"] = start('"2025-13-01"')
    b["date-two-digit-year"] = start('"25-01-01"')
    b["date-single-digit-month-and-day"] = start('"2025-1-1"')
    b["date-with-time"] = mut(('"fieldworkStarted": "2025-03-10"', '"fieldworkStarted": "2025-01-01T00:00"'))
    b["date-with-zone"] = start('"2024-07-22Z"')
    b["date-2023-02-29-not-leap"] = start('"2023-02-29"')
    b["date-1900-02-29-century-not-leap"] = start('"1900-02-29"')
    b["date-month-zero"] = start('"2024-00-22"')
    b["date-day-zero"] = start('"2024-07-00"')
    b["date-slashes"] = start('"2024/07/22"')
    b["date-day-month-year"] = start('"22/07/2024"')
    b["date-compact"] = start('"20240722"')
    b["date-number"] = start("20240722")
    b["date-leading-space"] = start('" 2024-07-22"')
    b["date-trailing-space"] = start('"2024-07-22 "')
    b["date-five-digit-year"] = start('"12024-07-22"')
    b["date-arabic-indic-digits"] = start('"\u0662\u0660\u0662\u0664-\u0660\u0667-\u0662\u0662"')
    b["date-fullwidth-digits"] = start('"\uff12\uff10\uff12\uff14-\uff10\uff17-\uff12\uff12"')
    b["date-suspended-2024-09-31"] = mut((C1_SUSP, '"suspended": "2024-09-31",'))
    b["date-fieldwork-empty"] = mut(('"fieldworkStarted": "2025-03-10"', '"fieldworkStarted": ""'))

    # --- where key questions come from ----------------------------------------------------
    b["key-question-in-both-places"] = mut((KQ42, KQ42 + ',\n    "P2.4.3": 40'))
    b["key-question-in-both-places-cases-not-applicable"] = mut(
        (KQ42, KQ42 + ',\n    "P2.4.3": 40'),
        (C1_ANS, '"answers": { "P2.4.3": "NotApplicable" }'),
        (C2_ANS, '"answers": { "P2.4.3": "NotApplicable" }'))
    b["key-question-in-neither-place"] = mut((KQ42, '"P2.4.1": 90'.replace("90", "90")), ('"P2.4.1": 90,\n    "P2.4.1": 90', '"P2.4.1": 90'))
    b["key-question-in-neither-no-cases"] = mut(("  \"cases\": [" + BASE.split('  "cases": [')[1].split('  "overrides"')[0], ""))
    b["key-question-in-neither-empty-answers"] = mut((C1_ANS, '"answers": {}'), (C2_ANS, '"answers": {}'))
    b["key-questions-all-in-neither"] = mut(
        ("  \"keyQuestions\": {" + BASE.split('  "keyQuestions": {')[1].split('  "cases"')[0], ""),
        ("  \"cases\": [" + BASE.split('  "cases": [')[1].split('  "overrides"')[0], ""))

    # --- required parts -------------------------------------------------------------------
    b["organisational-standard-missing"] = mut(('"P1.2": "Good",\n    "P1.3": "Good"\n', '"P1.2": "Good"\n'))
    b["organisational-missing"] = mut(('  "organisational": {\n    "P1.1": "Good",\n    "P1.2": "Good",\n    "P1.3": "Good"\n  },\n', ""))
    b["organisational-empty"] = mut(('"organisational": {\n    "P1.1": "Good",\n    "P1.2": "Good",\n    "P1.3": "Good"\n  }', '"organisational": {}'))
    b["organisational-array"] = mut(('"organisational": {\n    "P1.1": "Good",\n    "P1.2": "Good",\n    "P1.3": "Good"\n  }', '"organisational": ["Good", "Good", "Good"]'))
    b["unit-missing"] = mut(("  " + UNIT + "\n", ""))
    b["unit-number"] = mut((UNIT, '"unit": 42,'))
    b["unit-null"] = mut((UNIT, '"unit": null,'))
    b["key-questions-array"] = mut(('  "keyQuestions": {', '  "keyQuestions": [],\n  "ignored": {'))
    b["cases-object"] = mut(('"cases": [', '"cases": { "all": ['), ('    }\n  ],\n  "overrides"', '    }\n  ] },\n  "overrides"'))
    b["case-a-number"] = mut(('"cases": [', '"cases": [\n    1,'))
    b["answers-array"] = mut((C2_ANS, '"answers": ["No"]'))
    b["overrides-array"] = mut(('"overrides": {\n    ' + OVR + '\n  }', '"overrides": [' + OVR.split(": ", 1)[1] + ']'))
    b["override-a-string"] = mut((OVR, '"P2.3": "RequiresImprovement"'))
    b["tags-array"] = mut((C1_EXEMPT, C1_EXEMPT + ' "tags": ["North"],'))

    # --- case ids -------------------------------------------------------------------------
    b["case-id-empty"] = mut((C1_ID, '"id": "",'))
    b["case-id-spaces"] = mut((C1_ID, '"id": "   ",'))
    b["case-id-tab"] = mut((C1_ID, '"id": "\\t",'))
    b["case-id-em-space"] = mut((C1_ID, '"id": "\\u2003",'))
    b["case-id-missing"] = mut(("      " + C1_ID + "\n", ""))
    b["case-id-null"] = mut((C1_ID, '"id": null,'))
    b["case-id-number"] = mut((C1_ID, '"id": 1,'))
    b["case-ids-duplicate"] = mut((C2_ID, '"id": "C1",'))
    b["case-ids-duplicate-not-adjacent"] = mut(('"cases": [', '"cases": [\n    { "id": "C2", "sentence": "Licence", "start": "2024-07-22", "answers": { "P2.4.3": "Yes" } },'))

    # --- Reset dates ----------------------------------------------------------------------
    b["suspended-before-start"] = mut((C1_SUSP, '"suspended": "2024-07-21",'))
    b["suspended-without-start"] = mut(("      " + C1_START + "\n", ""))
    b["suspended-with-null-start"] = mut((C1_START, '"start": null,'))

    # --- overrides ------------------------------------------------------------------------
    b["override-reason-missing"] = mut((OVR, '"P2.3": { "rating": "RequiresImprovement" }'))
    b["override-reason-empty"] = mut((REASON, '"reason": ""'))
    b["override-reason-whitespace"] = mut((REASON, '"reason": " \\t "'))
    b["override-reason-null"] = mut((REASON, '"reason": null'))
    b["override-reason-number"] = mut((REASON, '"reason": 7'))
    b["override-rating-missing"] = mut((OVR, '"P2.3": { "reason": "inspectors\' discretion" }'))
    b["override-on-judgement-standard"] = mut((OVR, OVR.replace('"P2.3"', '"P1.1"')))

    # --- expected block of the wrong type or value ----------------------------------------
    b["expected-score-string"] = mut((EXP_SCORE, '"score": "10",'))
    b["expected-score-null"] = mut((EXP_SCORE, '"score": null,'))
    b["expected-score-fractional"] = mut((EXP_SCORE, '"score": 10.5,'))
    b["expected-score-negative"] = mut((EXP_SCORE, '"score": -1,'))
    b["expected-max-score-fractional"] = mut((EXP_MAX, '"maxScore": 21.5,'))
    b["expected-overall-outside-list"] = mut((EXP_OVERALL, '"overall": "Great",'))
    b["expected-overall-number"] = mut((EXP_OVERALL, '"overall": 3,'))
    b["expected-cases-inspected-negative"] = mut((EXP_CASES, '"casesInspected": -1,'))
    b["expected-reset-cases-string"] = mut((EXP_RESET, '"resetCases": "1",'))
    b["expected-adjusted-cases-fractional"] = mut((EXP_ADJ, '"adjustedCases": 1.5\n'))
    b["expected-standards-array"] = mut(('"standards": {', '"standards": [ "Good" ],\n    "ignored": {'))
    b["expected-standard-a-number"] = mut((EXP_P21, '"P2.1": 0,'))
    b["expected-driven-by-number"] = mut((EXP_P21, EXP_P21.replace('"P2.1.3"', "3")))
    b["expected-driven-by-unknown-key-question"] = mut((EXP_P21, EXP_P21.replace('"P2.1.3"', '"P9.9.9"')))
    b["expected-points-string"] = mut((EXP_P21, EXP_P21.replace('"points": 0', '"points": "0"')))
    b["expected-points-negative"] = mut((EXP_P21, EXP_P21.replace('"points": 0', '"points": -1')))
    b["expected-computed-rating-outside-list"] = mut((EXP_P21, EXP_P21.replace('"computedRating": "Inadequate"', '"computedRating": "Great"')))
    b["expected-array"] = mut(('"expected": {', '"expected": [],\n  "ignored": {'))
    b["expected-string"] = mut(('"expected": {', '"expected": "pass",\n  "ignored": {'))

    # --- several mistakes -----------------------------------------------------------------
    # five separate mistakes in five places; all five must be reported (FIVE in CorpusTests)
    b["five-mistakes"] = mut(
        (ORG2, '\n    "P1.2": "Excellent",'),
        (KQ11, '"P2.1.1": 140,'),
        ('"sentence": "CommunityOrder",', '"sentence": "Caution",'),
        (REASON, '"reason": ""'),
        (EXP_OVERALL, '"overall": "Great",'))
    # sixty mistakes, one per extra case: 50 lines, then one line counting the 10 more
    extra = []
    for i in range(1, 61):
        if i <= 20:
            extra.append(f'    {{ "id": "X{i:02}", "sentence": "Caution", "start": "2024-07-22", "answers": {{ "P2.4.3": "Yes" }} }},')
        elif i <= 40:
            extra.append(f'    {{ "id": "X{i:02}", "sentence": "Licence", "start": "2024-07-22", "exemption": "Celebrity", "answers": {{ "P2.4.3": "Yes" }} }},')
        else:
            extra.append(f'    {{ "id": "X{i:02}", "sentence": "Licence", "start": "2024-02-30", "answers": {{ "P2.4.3": "Yes" }} }},')
    b["sixty-mistakes"] = mut(('"cases": [', '"cases": [\n' + "\n".join(extra)))
    # the key-question-in-neither line above is built oddly; check it really just drops P2.4.2
    assert '"P2.4.2"' not in b["key-question-in-neither-place"].split('"expected"')[0]
    return b


# ---------------------------------------------------------------------------------------------
# Valid documents. Each one: the inputs and the expected block, worked out by hand.
POINTS = {"Inadequate": 0, "RequiresImprovement": 1, "Good": 2, "Outstanding": 3}


def c(yes, relevant):
    return {"yes": yes, "relevant": relevant}


# fillers: three key questions of one case standard and what they give (by hand)
def filler(std, kind):
    """I: 10/5/20 of 100 -> Inadequate by .2; R: 55/60/52 -> RequiresImprovement by .3;
    G: 75/70/72 -> Good by .2; O: 90/85/95 -> Outstanding by .2."""
    values = {"I": (10, 5, 20), "R": (55, 60, 52), "G": (75, 70, 72), "O": (90, 85, 95)}[kind]
    return {f"{std}.{i + 1}": c(v, 100) for i, v in enumerate(values)}


FILLER_RESULT = {"I": ("Inadequate", 2), "R": ("RequiresImprovement", 3), "G": ("Good", 2), "O": ("Outstanding", 2)}


def std(rating, driven, computed=None, points=True):
    o = {"rating": rating, "computedRating": computed or rating, "drivenBy": driven}
    if points and rating != "NotRated":
        o["points"] = POINTS[rating]
    return o


def filled(std_id, kind):
    rating, n = FILLER_RESULT[kind]
    return std(rating, f"{std_id}.{n}")


def document(unit, organisational, key_questions=None, cases=None, overrides=None, expected=None,
             framework="probation-pdu-2023", fieldwork="2025-03-10"):
    d = {}
    if framework is not None:
        d["framework"] = framework
    d["unit"] = unit
    if fieldwork is not None:
        d["fieldworkStarted"] = fieldwork
    d["organisational"] = organisational
    if key_questions is not None:
        d["keyQuestions"] = key_questions
    if cases is not None:
        d["cases"] = cases
    if overrides is not None:
        d["overrides"] = overrides
    d["expected"] = expected
    return d


GOOD3 = {"P1.1": "Good", "P1.2": "Good", "P1.3": "Good"}
GOOD3_EXP = {"P1.1": "Good", "P1.2": "Good", "P1.3": "Good"}


def expected(standards, score, max_score, overall, cases=None):
    e = {"standards": standards, "score": score, "maxScore": max_score, "overall": overall}
    if cases is not None:
        e["casesInspected"], e["resetCases"], e["adjustedCases"] = cases
    return e


def p21_edge(value, rating, driven, score):
    """P2.1.1 = value; P2.1.2 = 95/100, P2.1.3 = 90/100; P2.2-P2.4 Good; judgements Good.
    Score = 6 + 6 + points(P2.1); overall Good for 12-15."""
    kqs = {"P2.1.1": value, "P2.1.2": c(95, 100), "P2.1.3": c(90, 100)}
    for s in ("P2.2", "P2.3", "P2.4"):
        kqs.update(filler(s, "G"))
    stds = dict(GOOD3_EXP)
    stds["P2.1"] = std(rating, driven)
    stds.update({s: filled(s, "G") for s in ("P2.2", "P2.3", "P2.4")})
    return kqs, expected(stds, score, 21, "Good")


def three_good_and(std_id, kqs_of_std, rating, driven, score, overall="Good", computed=None, org=None):
    """Judgements Good (6), the other three case standards Good (6), and std_id as given."""
    kqs = {}
    stds = dict(GOOD3_EXP) if org is None else dict(org)
    for s in ("P2.1", "P2.2", "P2.3", "P2.4"):
        if s == std_id:
            kqs.update(kqs_of_std)
            stds[s] = std(rating, driven, computed)
        else:
            kqs.update(filler(s, "G"))
            stds[s] = filled(s, "G")
    return kqs, expected(stds, score, 21, overall)


def valid_documents():
    v = {}
    base = json.loads(BASE)

    # --- the base document, as is and re-encoded --------------------------------------------
    v["base"] = BASE
    v["base-with-utf8-bom"] = "\ufeff" + BASE
    v["base-crlf-and-tabs"] = BASE.replace("  ", "\t").replace("\n", "\r\n")
    v["base-minified"] = json.dumps(base, separators=(",", ":"))
    # tags (an object of string values) are part of a case; rating without --by ignores them
    v["case-with-tags"] = mut((C1_EXEMPT, C1_EXEMPT + "\n      " + TAGS), ('"unit": "Corpus PDU"', '"unit": "Corpus PDU: a case with tags"'))

    # --- R4 band edges on the exact ratio (P2.1.1 drives) -----------------------------------
    for name, (yes, rel, rating, score) in {
        "49-of-100": (49, 100, "Inadequate", 12),
        "50-of-100": (50, 100, "RequiresImprovement", 13),
        "64-of-100": (64, 100, "RequiresImprovement", 13),
        "31-of-48": (31, 48, "RequiresImprovement", 13),        # 64.58%, prints 65%
        "65-of-100": (65, 100, "Good", 14),
        "13-of-20": (13, 20, "Good", 14),                       # exactly 65%
        "79-of-100": (79, 100, "Good", 14),
        "63-of-79": (63, 79, "Good", 14),                       # 79.75%, prints 80%
        "80-of-100": (80, 100, "Outstanding", 15),
        "4-of-5": (4, 5, "Outstanding", 15),
        "99-of-200": (99, 200, "Inadequate", 12),               # 49.5%, prints 50%
        "129-of-200": (129, 200, "RequiresImprovement", 13),    # 64.5%, rounds half up to 65
        "159-of-200": (159, 200, "Good", 14),                   # 79.5%, rounds half up to 80
        "999999-of-2000000": (999999, 2000000, "Inadequate", 12),
        "1-of-2": (1, 2, "RequiresImprovement", 13),
        "1-of-3": (1, 3, "Inadequate", 12),
        "2-of-3": (2, 3, "Good", 14),
        "0-of-1": (0, 1, "Inadequate", 12),
        "0-of-50": (0, 50, "Inadequate", 12),
    }.items():
        kqs, exp = p21_edge(c(yes, rel), rating, "P2.1.1", score)
        v[f"edge-ratio-{name}"] = document(f"R4 exact ratio {yes}/{rel}: {rating}", GOOD3, kqs, expected=exp)
    # 1/1 = 100% is Outstanding; the lowest is then P2.1.3 (90/100), which drives
    kqs, exp = p21_edge(c(1, 1), "Outstanding", "P2.1.3", 15)
    v["edge-ratio-1-of-1"] = document("R4 1/1 Outstanding; P2.1.3 90/100 is the lowest and drives", GOOD3, kqs, expected=exp)

    # --- R3/R4 published percentages, taken exactly ----------------------------------------
    for name, (literal, rating, score) in {
        "49": ("49", "Inadequate", 12),
        "50": ("50", "RequiresImprovement", 13),
        "64.999": ("64.999", "RequiresImprovement", 13),
        "65": ("65", "Good", 14),
        "65.0000": ("65.0000", "Good", 14),
        "79.99": ("79.99", "Good", 14),
        "80": ("80", "Outstanding", 15),
        "80.0": ("80.0", "Outstanding", 15),
        "0": ("0", "Inadequate", 12),
        "0.0": ("0.0", "Inadequate", 12),
        "minus-zero": ("-0", "Inadequate", 12),
        "64.99999999999999999999": ("64.99999999999999999999", "RequiresImprovement", 13),   # a double rounds it to 65
        "49.999999999999999999999": ("49.999999999999999999999", "Inadequate", 12),
        "79.99999999999999999999": ("79.99999999999999999999", "Good", 14),
        "exponent-6.5e1": ("6.5e1", "Good", 14),
        "exponent-6.5E+1": ("6.5E+1", "Good", 14),
        "exponent-0.5e2": ("0.5e2", "RequiresImprovement", 13),
        "exponent-6499e-2": ("6499e-2", "RequiresImprovement", 13),
        "exponent-6500000000e-8": ("6500000000e-8", "Good", 14),
        "exponent-1e-100": ("1e-100", "Inadequate", 12),
        "exponent-79999e-3": ("79999e-3", "Good", 14),
        "literal-100-characters": ("64." + "9" * 97, "RequiresImprovement", 13),
    }.items():
        assert len(literal) <= 100
        kqs, exp = p21_edge(Raw(literal), rating, "P2.1.1", score)
        v[f"percentage-{name}"] = document(f"R3 published percentage {literal[:30]} taken exactly: {rating}", GOOD3, kqs, expected=exp)
    for name, literal in {"100": "100", "exponent-1e2": "1e2", "100.000": "100.000"}.items():
        kqs, exp = p21_edge(Raw(literal), "Outstanding", "P2.1.3", 15)
        v[f"percentage-{name}"] = document(f"R3 published percentage {literal}: Outstanding, P2.1.3 (90/100) drives", GOOD3, kqs, expected=exp)

    # --- R5 ties: the first in framework order drives ---------------------------------------
    kqs, exp = three_good_and("P2.1", {"P2.1.1": c(2, 4), "P2.1.2": c(1, 2), "P2.1.3": c(1, 1)}, "RequiresImprovement", "P2.1.1", 13)
    v["tie-first-and-second"] = document("R5 tie 2/4 = 1/2: P2.1.1 drives", GOOD3, kqs, expected=exp)
    kqs, exp = three_good_and("P2.2", {"P2.2.1": c(90, 100), "P2.2.2": c(3, 5), "P2.2.3": c(6, 10)}, "RequiresImprovement", "P2.2.2", 13)
    v["tie-second-and-third"] = document("R5 tie 3/5 = 6/10: P2.2.2 drives", GOOD3, kqs, expected=exp)
    kqs, exp = three_good_and("P2.3", {"P2.3.1": Raw("60"), "P2.3.2": c(3, 5), "P2.3.3": c(9, 10)}, "RequiresImprovement", "P2.3.1", 13)
    v["tie-percentage-and-counts"] = document("R5 tie 60% = 3/5: P2.3.1 drives", GOOD3, kqs, expected=exp)
    kqs, exp = three_good_and("P2.1", {"P2.1.1": c(2, 3), "P2.1.2": c(4, 6), "P2.1.3": c(6, 9)}, "Good", "P2.1.1", 14)
    v["tie-all-three"] = document("R5 tie 2/3 = 4/6 = 6/9: P2.1.1 drives", GOOD3, kqs, expected=exp)
    kqs, exp = three_good_and("P2.4", {"P2.4.1": c(7, 10), "P2.4.2": c(1, 2), "P2.4.3": Raw("50")}, "RequiresImprovement", "P2.4.2", 13)
    v["tie-second-and-third-percentage"] = document("R5 tie 1/2 = 50%: P2.4.2 drives", GOOD3, kqs, expected=exp)
    kqs, exp = three_good_and("P2.4", {"P2.4.1": Raw("66.67"), "P2.4.2": c(2, 3), "P2.4.3": c(95, 100)}, "Good", "P2.4.2", 14)
    v["no-tie-66.67-above-2-of-3"] = document("R5 exact: 2/3 is below 66.67%: P2.4.2 drives", GOOD3, kqs, expected=exp)
    kqs, exp = three_good_and("P2.2", {"P2.2.1": c(100, 100), "P2.2.2": c(1, 1), "P2.2.3": Raw("100")}, "Outstanding", "P2.2.1", 15)
    v["tie-all-100-percent"] = document("R5 tie 100/100 = 1/1 = 100%: P2.2.1 drives", GOOD3, kqs, expected=exp)

    # --- R5 key questions with no result ----------------------------------------------------
    kqs, exp = three_good_and("P2.1", {"P2.1.1": c(70, 100), "P2.1.2": c(0, 0), "P2.1.3": c(80, 100)}, "Good", "P2.1.1", 14)
    v["skipped-key-question-counts"] = document("R5 P2.1.2 0/0 has no result and is skipped", GOOD3, kqs, expected=exp)
    kqs = {}
    for s in ("P2.1", "P2.2", "P2.3"):
        kqs.update(filler(s, "G"))
    kqs.update({"P2.4.1": c(75, 100), "P2.4.2": c(70, 100)})
    cases = [{"id": f"N{i}", "sentence": "CommunityOrder", "start": "2024-07-22", "answers": {"P2.4.3": "NotApplicable"}} for i in (1, 2, 3)]
    stds = dict(GOOD3_EXP)
    stds.update({s: filled(s, "G") for s in ("P2.1", "P2.2", "P2.3")})
    stds["P2.4"] = std("Good", "P2.4.2")
    v["skipped-key-question-all-not-applicable"] = document("R5 every case answers P2.4.3 NotApplicable: skipped", GOOD3, kqs, cases,
                                                            expected=expected(stds, 14, 21, "Good", (3, 0, 0)))

    # --- R5/R6/R8 NotRated -----------------------------------------------------------------
    kqs = {}
    kqs.update(filler("P2.1", "G"))
    kqs.update({"P2.2.1": c(0, 0), "P2.2.2": c(0, 0), "P2.2.3": c(0, 0)})
    kqs.update(filler("P2.3", "G"))
    kqs.update(filler("P2.4", "G"))
    stds = dict(GOOD3_EXP)
    stds.update({"P2.1": filled("P2.1", "G"), "P2.2": std("NotRated", None), "P2.3": filled("P2.3", "G"), "P2.4": filled("P2.4", "G")})
    v["notrated-case-standard-counts"] = document("R5/R8 P2.2 has no result: NotRated, 12/18", GOOD3, kqs, expected=expected(stds, 12, 18, "NotRated"))

    kqs = {}
    for s in ("P2.1", "P2.2", "P2.3"):
        kqs.update(filler(s, "G"))
    na = {"P2.4.1": "NotApplicable", "P2.4.2": "N/A", "P2.4.3": "NotApplicable"}
    cases = [{"id": "A1", "sentence": "Licence", "start": "2024-07-22", "answers": dict(na)},
             {"id": "A2", "sentence": "CommunityOrder", "start": "2024-07-22", "answers": dict(na)}]
    stds = dict(GOOD3_EXP)
    stds.update({s: filled(s, "G") for s in ("P2.1", "P2.2", "P2.3")})
    stds["P2.4"] = std("NotRated", None)
    v["notrated-case-standard-cases"] = document("R5/R8 every case NotApplicable on P2.4: NotRated, 12/18", GOOD3, kqs, cases,
                                                 expected=expected(stds, 12, 18, "NotRated", (2, 0, 0)))

    kqs, _ = three_good_and("P2.1", filler("P2.1", "G"), "Good", "P2.1.2", 14)
    org = {"P1.1": "Good", "P1.2": "NotRated", "P1.3": "Good"}
    stds = dict(org)
    stds.update({s: filled(s, "G") for s in ("P2.1", "P2.2", "P2.3", "P2.4")})
    v["notrated-organisational"] = document("R6/R8 P1.2 NotRated: 12/18 NotRated", org, kqs, expected=expected(stds, 12, 18, "NotRated"))
    org = {"P1.1": "Good", "P1.2": "Good", "P1.3": "not rated"}
    stds = {"P1.1": "Good", "P1.2": "Good", "P1.3": "NotRated"}
    stds.update({s: filled(s, "G") for s in ("P2.1", "P2.2", "P2.3", "P2.4")})
    v["notrated-organisational-written-with-space"] = document("R6 'not rated' reads as NotRated: 12/18", org, kqs, expected=expected(stds, 12, 18, "NotRated"))
    org = {"P1.1": "NotRated", "P1.2": "Good", "P1.3": "Good"}
    kqs = {"P2.1.1": c(0, 0), "P2.1.2": c(0, 0), "P2.1.3": c(0, 0)}
    for s in ("P2.2", "P2.3", "P2.4"):
        kqs.update(filler(s, "G"))
    stds = {"P1.1": "NotRated", "P1.2": "Good", "P1.3": "Good", "P2.1": std("NotRated", None)}
    stds.update({s: filled(s, "G") for s in ("P2.2", "P2.3", "P2.4")})
    v["notrated-judgement-and-case-standard"] = document("R8 P1.1 and P2.1 NotRated: 10/15 NotRated", org, kqs, expected=expected(stds, 10, 15, "NotRated"))
    org = {"P1.1": "NotRated", "P1.2": "NotRated", "P1.3": "NotRated"}
    kqs = {f"P2.{s}.{q}": c(0, 0) for s in (1, 2, 3, 4) for q in (1, 2, 3)}
    stds = dict(org)
    stds.update({f"P2.{s}": std("NotRated", None) for s in (1, 2, 3, 4)})
    v["notrated-everything"] = document("R8 nothing rated: 0/0 NotRated", org, kqs, expected=expected(stds, 0, 0, "NotRated"))

    # --- R7 overrides ----------------------------------------------------------------------
    ri3 = {"P1.1": "RequiresImprovement", "P1.2": "RequiresImprovement", "P1.3": "RequiresImprovement"}
    kqs, exp = three_good_and("P2.3", {"P2.3.1": c(40, 100), "P2.3.2": c(70, 100), "P2.3.3": c(75, 100)}, "Good", "P2.3.1", 11,
                              computed="Inadequate", org=ri3)
    v["override-up"] = document("R7 P2.3 computed Inadequate, overridden Good: 11 (Good), not 9", ri3, kqs,
                                overrides={"P2.3": {"rating": "Good", "reason": "inspectors' discretion"}}, expected=exp)
    out3 = {"P1.1": "Outstanding", "P1.2": "Outstanding", "P1.3": "Outstanding"}
    kqs, exp = three_good_and("P2.1", filler("P2.1", "O"), "Inadequate", "P2.1.2", 15, computed="Outstanding", org=out3)
    v["override-down"] = document("R7 P2.1 computed Outstanding, overridden Inadequate: 15 (Good), not 18", out3, kqs,
                                  overrides={"P2.1": {"rating": "Inadequate", "reason": "serious concerns in the sample"}}, expected=exp)
    kqs, exp = three_good_and("P2.2", filler("P2.2", "G"), "Good", "P2.2.2", 14)
    v["override-same-as-computed"] = document("R7 override to the computed rating changes nothing", GOOD3, kqs,
                                              overrides={"P2.2": {"rating": "Good", "reason": "confirmed"}}, expected=exp)
    kqs, exp = three_good_and("P2.4", filler("P2.4", "G"), "RequiresImprovement", "P2.4.2", 13, computed="Good")
    v["override-rating-written-lower-case"] = document("R7 override rating 'requires improvement'", GOOD3, kqs,
                                                       overrides={"P2.4": {"rating": "requires improvement", "reason": "discretion"}}, expected=exp)

    # --- R8 overall band edges -------------------------------------------------------------
    def band_doc(org, kinds, score, overall):
        kqs, stds = {}, dict(org)
        for s, k in zip(("P2.1", "P2.2", "P2.3", "P2.4"), kinds):
            kqs.update(filler(s, k))
            stds[s] = filled(s, k)
        return document(f"R8 score {score}: {overall}", org, kqs, expected=expected(stds, score, 21, overall))

    inad3 = {"P1.1": "Inadequate", "P1.2": "Inadequate", "P1.3": "Inadequate"}
    rrg = {"P1.1": "RequiresImprovement", "P1.2": "RequiresImprovement", "P1.3": "Good"}
    v["overall-score-00"] = band_doc(inad3, "IIII", 0, "Inadequate")
    v["overall-score-05"] = band_doc(rrg, "RIII", 5, "Inadequate")
    v["overall-score-06"] = band_doc(rrg, "GIII", 6, "RequiresImprovement")
    v["overall-score-10"] = band_doc(GOOD3, "GRRI", 10, "RequiresImprovement")
    v["overall-score-11"] = band_doc(GOOD3, "GRRR", 11, "Good")
    v["overall-score-15"] = band_doc(out3, "GGGI", 15, "Good")
    v["overall-score-16"] = band_doc(out3, "GGGR", 16, "Outstanding")
    v["overall-score-21"] = band_doc(out3, "OOOO", 21, "Outstanding")

    # --- R9 Probation Reset ----------------------------------------------------------------
    def reset_doc(unit, cases, p243_rating, p243_driven, score, counts):
        kqs = {}
        for s in ("P2.1", "P2.2", "P2.3"):
            kqs.update(filler(s, "G"))
        kqs.update({"P2.4.1": c(75, 100), "P2.4.2": c(70, 100)})
        stds = dict(GOOD3_EXP)
        stds.update({s: filled(s, "G") for s in ("P2.1", "P2.2", "P2.3")})
        stds["P2.4"] = std(p243_rating, p243_driven)
        return document(unit, GOOD3, kqs, cases, expected=expected(stds, score, 21, "Good", counts))

    def case(id, start, suspended=None, exemption=None, answer="Yes", sentence="Licence"):
        o = {"id": id, "sentence": sentence, "start": start}
        if suspended is not None:
            o["suspended"] = suspended
        if exemption is not None:
            o["exemption"] = exemption
        o["answers"] = {"P2.4.3": answer}
        return o

    # 2024-07-22 + 56 days = 2024-09-16; + 57 = 2024-09-17. P2.4.3 1/2 = 50% drives (RI): 6+6+1 = 13
    v["reset-56-and-57-days"] = reset_doc("R9 56 days adjusted, 57 days core", [
        case("R1", "2024-07-22", "2024-09-16", answer="Yes"),
        case("R2", "2024-07-22", "2024-09-17", answer="No")], "RequiresImprovement", "P2.4.3", 13, (2, 2, 1))
    # Mappa-exempt case with a suspension date: not Reset (SuspendedButExempt warning); P2.4.3 2/2, P2.4.2 70% drives
    v["reset-exempt-with-suspension-date"] = reset_doc("R9 exempt with a suspension date is not Reset", [
        case("E1", "2024-07-22", "2024-08-01", exemption="Mappa"),
        case("E2", "2024-07-22")], "Good", "P2.4.2", 14, (2, 0, 0))
    v["reset-every-exemption-with-suspension-date"] = reset_doc("R9 each exemption with a suspension date", [
        case("X1", "2024-07-22", "2024-08-01", exemption="Mappa"),
        case("X2", "2024-07-22", "2024-08-01", exemption="NationalSecurityDivision"),
        case("X3", "2024-07-22", "2024-08-01", exemption="VeryHighRiskOfSeriousHarm"),
        case("X4", "2024-07-22", "2024-08-01", exemption="ChildProtection"),
        case("X5", "2024-07-22", "2024-08-01", exemption="IntensiveSupervisionCourt")], "Good", "P2.4.2", 14, (5, 0, 0))
    # 2024-02-01 + 56 days = 2024-03-28 (29-day February); both before Reset began: counted, with a warning.
    # P2.4.3 2/3 = 66.67% (Good) is the lowest of 75/70/66.67 and drives
    v["reset-suspended-before-2024-06-07"] = reset_doc("R9 suspensions before 2024-06-07 are counted, with a warning", [
        case("S1", "2024-02-01", "2024-03-28", answer="Yes"),
        case("S2", "2024-02-01", "2024-03-29", answer="Yes"),
        case("S3", "2024-01-10", answer="No")], "Good", "P2.4.3", 14, (3, 2, 1))
    v["reset-suspended-on-start-day"] = reset_doc("R9 suspended on the start day: 0 days, adjusted", [
        case("D1", "2024-07-22", "2024-07-22")], "Good", "P2.4.2", 14, (1, 1, 1))
    # 2024-04-12 + 56 days = 2024-06-07, the day Reset began; P2.4.3 0/1 Inadequate drives: 12
    v["reset-suspended-on-2024-06-07"] = reset_doc("R9 suspended on 2024-06-07, 56 days after the start", [
        case("J1", "2024-04-12", "2024-06-07", answer="No")], "Inadequate", "P2.4.3", 12, (1, 1, 1))
    # 2024-12-01 + 56 = 2025-01-26, + 57 = 2025-01-27
    v["reset-across-year-end"] = reset_doc("R9 across the year end: 56 and 57 days", [
        case("Y1", "2024-12-01", "2025-01-26"),
        case("Y2", "2024-12-01", "2025-01-27")], "Good", "P2.4.2", 14, (2, 2, 1))
    cases = [case("Z1", "2024-07-22"), case("Z2", "2024-07-22")]
    cases[0]["suspended"] = None
    cases[0]["exemption"] = None
    v["reset-suspended-and-exemption-null"] = reset_doc("R9 suspended null, exemption null: not Reset", cases, "Good", "P2.4.2", 14, (2, 0, 0))
    v["reset-every-sentence"] = reset_doc("every sentence type", [
        case("T1", "2024-07-22", sentence="CommunityOrder"),
        case("T2", "2024-07-22", sentence="SuspendedSentenceOrder"),
        case("T3", "2024-07-22", sentence="Licence"),
        case("T4", "2024-07-22", sentence="PostSentenceSupervision")], "Good", "P2.4.2", 14, (4, 0, 0))

    # --- answers ---------------------------------------------------------------------------
    # P2.4.3: Yes, No, N/A -> 1/2 = 50% drives (RI): 13
    v["answers-n-a"] = reset_doc("'N/A' reads as NotApplicable", [
        case("A1", "2024-07-22", answer="Yes"), case("A2", "2024-07-22", answer="No"), case("A3", "2024-07-22", answer="N/A")],
        "RequiresImprovement", "P2.4.3", 13, (3, 0, 0))
    v["answers-odd-case-and-spaces"] = reset_doc("answers in any case, with spaces", [
        case("A1", "2024-07-22", answer="yes"), case("A2", "2024-07-22", answer="NO"),
        case("A3", "2024-07-22", answer="not applicable"), case("A4", "2024-07-22", answer="n/a"),
        case("A5", "2024-07-22", answer="Not Applicable")],
        "RequiresImprovement", "P2.4.3", 13, (5, 0, 0))
    # a case with no answers at all: every key question NotApplicable for it (warning). P2.4.3 1/1
    cases = [case("W1", "2024-07-22"), {"id": "W2", "sentence": "Licence", "start": "2024-07-22"}]
    v["case-without-answers"] = reset_doc("a case with no answers is read as all NotApplicable, with a warning", cases, "Good", "P2.4.2", 14, (2, 0, 0))

    # --- case ids compared exactly ---------------------------------------------------------
    v["case-ids-differ-only-in-case"] = reset_doc("ids c1 and C1 are distinct", [
        case("c1", "2024-07-22", answer="Yes"), case("C1", "2024-07-22", answer="No")], "RequiresImprovement", "P2.4.3", 13, (2, 0, 0))
    v["case-ids-differ-only-in-spaces"] = reset_doc("ids 'C1', ' C1', 'C1 ' are distinct", [
        case("C1", "2024-07-22", answer="Yes"), case(" C1", "2024-07-22", answer="Yes"), case("C1 ", "2024-07-22", answer="No")],
        "Good", "P2.4.3", 14, (3, 0, 0))
    v["case-ids-differ-only-in-normalisation"] = reset_doc("ids U+00E9 and e U+0301 are distinct", [
        case("\u00e9", "2024-07-22"), case("e\u0301", "2024-07-22")], "Good", "P2.4.2", 14, (2, 0, 0))

    # --- ratings written in any case, with spaces ------------------------------------------
    org = {"P1.1": "requires improvement", "P1.2": "OUTSTANDING", "P1.3": "good"}
    kqs, _ = three_good_and("P2.1", filler("P2.1", "G"), "Good", "P2.1.2", 14)
    stds = {"P1.1": "RequiresImprovement", "P1.2": "Outstanding", "P1.3": "Good"}
    stds.update({s: filled(s, "G") for s in ("P2.1", "P2.2", "P2.3", "P2.4")})
    v["ratings-odd-case-and-spaces"] = document("ratings 'requires improvement', 'OUTSTANDING', 'good': 1+3+2+8 = 14", org, kqs,
                                                expected=expected(stds, 14, 21, "Good"))
    stds = {"P1.1": "good", "P1.2": "GOOD", "P1.3": "Good"}
    stds.update({s: {"rating": "good", "computedRating": "good", "drivenBy": f"{s}.2", "points": 2} for s in ("P2.1", "P2.2", "P2.3", "P2.4")})
    v["expected-ratings-odd-case"] = document("expected ratings in any case", GOOD3, kqs, expected=expected(stds, 14, 21, "good"))

    # --- R1 frameworks ---------------------------------------------------------------------
    kqs, exp = three_good_and("P2.1", filler("P2.1", "G"), "Good", "P2.1.2", 14)
    v["framework-omitted-fieldwork-2026"] = document("R1 fieldwork 2026, framework omitted: probation-pdu-2023, no warning", GOOD3, kqs,
                                                     expected=exp, framework=None, fieldwork="2026-03-02")
    v["framework-omitted-fieldwork-2023-10-01"] = document("R1 fieldwork on the framework's first day", GOOD3, kqs, expected=exp,
                                                           framework=None, fieldwork="2023-10-01")
    v["framework-named-fieldwork-before-it"] = document("R1 named framework not in force: rates, with a warning", GOOD3, kqs,
                                                        expected=exp, fieldwork="2023-09-30")
    v["framework-named-no-fieldwork-date"] = document("R1 framework named, fieldworkStarted absent", GOOD3, kqs, expected=exp, fieldwork=None)
    v["fieldwork-on-leap-day"] = document("fieldworkStarted 2024-02-29", GOOD3, kqs, expected=exp, fieldwork="2024-02-29")
    v["unit-non-ascii-and-escapes"] = document("Caf\u00e9 \u2014 N\u00f6rth \u2615 \U0001F600 \"quoted\" back\\slash\ttab\nnewline", GOOD3, kqs, expected=exp)
    v["unit-escaped-surrogate-pair"] = mut((UNIT, '"unit": "Corpus \\ud83d\\ude00 PDU",'))

    # --- counts -----------------------------------------------------------------------------
    for name, (yes, rel, rating, driven, score) in {
        "near-2-to-the-63": ("9223372036854775806", "9223372036854775807", "Outstanding", "P2.1.1", 15),
        "both-2-to-the-63-minus-1": ("9223372036854775807", "9223372036854775807", "Outstanding", "P2.1.1", 15),
        # 2^62 / (2^63 - 1) is just above one half; (2^62 - 1) / (2^63 - 1) just below
        "just-above-half-of-2-to-the-63": ("4611686018427387904", "9223372036854775807", "RequiresImprovement", "P2.1.1", 13),
        "just-below-half-of-2-to-the-63": ("4611686018427387903", "9223372036854775807", "Inadequate", "P2.1.1", 12),
    }.items():
        kqs, exp = three_good_and("P2.1", {"P2.1.1": c(Raw(yes), Raw(rel)), "P2.1.2": c(1, 1), "P2.1.3": c(1, 1)}, rating, driven, score)
        v[f"counts-{name}"] = document(f"counts {yes}/{rel}: {rating}", GOOD3, kqs, expected=exp)
    # 6e1/1e2 = 60%, 2.0/4.0 = 50% (lowest, drives), 1/1: RequiresImprovement
    kqs, exp = three_good_and("P2.1", {"P2.1.1": c(Raw("6e1"), Raw("1e2")), "P2.1.2": c(Raw("2.0"), Raw("4.0")), "P2.1.3": c(1, 1)},
                              "RequiresImprovement", "P2.1.2", 13)
    v["counts-2.0-and-6e1-are-whole"] = document("counts 6e1/1e2 and 2.0/4.0 are whole numbers", GOOD3, kqs, expected=exp)
    # 600e-1/100.000 = 60%, 0.5e1/1E1 = 50% (drives), 1.5E+1/20 = 75%
    kqs, exp = three_good_and("P2.2", {"P2.2.1": c(Raw("600e-1"), Raw("100.000")), "P2.2.2": c(Raw("0.5e1"), Raw("1E1")), "P2.2.3": c(Raw("1.5E+1"), 20)},
                              "RequiresImprovement", "P2.2.2", 13)
    v["counts-whole-numbers-with-exponents"] = document("counts 600e-1, 0.5e1, 1E1, 1.5E+1 are whole numbers", GOOD3, kqs, expected=exp)

    # --- keyQuestions omitted: everything from 4 cases --------------------------------------
    answers = {  # per key question, the answers of cases K1..K4
        "P2.1.1": "YYYN", "P2.1.2": "YYYY", "P2.1.3": "YY-Y",   # 75%, 100%, 3/3 -> Good by P2.1.1
        "P2.2.1": "YNNN", "P2.2.2": "YYNN", "P2.2.3": "YYYN",   # 25%, 50%, 75% -> Inadequate by P2.2.1
        "P2.3.1": "YYNN", "P2.3.2": "YYNN", "P2.3.3": "YYYY",   # 50%, 50%, 100% -> RI by P2.3.1 (tie, first)
        "P2.4.1": "YYYY", "P2.4.2": "YYYY", "P2.4.3": "YYYY",   # all 100% -> Outstanding by P2.4.1 (tie, first)
    }
    word = {"Y": "Yes", "N": "No", "-": "NotApplicable"}
    cases = [{"id": f"K{i + 1}", "sentence": "CommunityOrder", "start": "2024-07-22",
              "answers": {k: word[a[i]] for k, a in answers.items()}} for i in range(4)]
    stds = dict(GOOD3_EXP)
    stds.update({"P2.1": std("Good", "P2.1.1"), "P2.2": std("Inadequate", "P2.2.1"),
                 "P2.3": std("RequiresImprovement", "P2.3.1"), "P2.4": std("Outstanding", "P2.4.1")})
    v["cases-answer-every-key-question"] = document("no keyQuestions: every key question from 4 cases: 6+2+0+1+3 = 12",
                                                    GOOD3, None, cases, expected=expected(stds, 12, 21, "Good", (4, 0, 0)))
    kqs, exp = three_good_and("P2.1", filler("P2.1", "G"), "Good", "P2.1.2", 14)
    v["cases-empty-array"] = document("cases: [] with every key question aggregate", GOOD3, kqs, [], expected=exp)
    return v


# ---------------------------------------------------------------------------------------------
# verify-fail: documents that rate, whose expected block must FAIL verify.
def verify_fail_documents():
    f = {}
    f["expected-empty"] = mut(("  \"expected\": {" + BASE.split('  "expected": {')[1], '  "expected": {}\n}\n'))
    f["expected-standards-empty"] = mut(("  \"expected\": {" + BASE.split('  "expected": {')[1], '  "expected": { "standards": {} }\n}\n'))
    f["expected-wrong-score"] = mut((EXP_SCORE, '"score": 11,'))
    f["expected-wrong-overall"] = mut((EXP_OVERALL, '"overall": "Good",'))
    f["expected-wrong-driven-by"] = mut((EXP_P21, EXP_P21.replace('"drivenBy": "P2.1.3"', '"drivenBy": "P2.1.1"')))
    f["expected-wrong-computed-rating"] = mut(('"computedRating": "Inadequate", "drivenBy": "P2.3.3"', '"computedRating": "RequiresImprovement", "drivenBy": "P2.3.3"'))
    f["expected-wrong-reset-cases"] = mut((EXP_RESET, '"resetCases": 2,'))
    f["expected-wrong-points"] = mut((EXP_P21, EXP_P21.replace('"points": 0', '"points": 1')))
    return f


# ---------------------------------------------------------------------------------------------
# The independent evaluator (rules.md R3-R9, findings-format.md), used only as a cross-check.
RATINGS = {"inadequate": "Inadequate", "requiresimprovement": "RequiresImprovement", "good": "Good",
           "outstanding": "Outstanding", "notrated": "NotRated"}
ANSWERS = {"yes": "Yes", "no": "No", "notapplicable": "NotApplicable", "n/a": "NotApplicable"}
KQ_IDS = [f"P2.{s}.{q}" for s in (1, 2, 3, 4) for q in (1, 2, 3)]


def norm(text, table):
    return table[text.replace(" ", "").lower()]


def band(r):
    return "Inadequate" if r < Fraction(1, 2) else "RequiresImprovement" if r < Fraction(65, 100) else "Good" if r < Fraction(80, 100) else "Outstanding"


def whole(x):
    f = Fraction(x)
    assert f.denominator == 1 and 0 <= f <= 2 ** 63 - 1, x
    return int(f)


def evaluate(text):
    d = json.loads(text, parse_float=Fraction, parse_int=Fraction)
    results = {}
    for k, val in (d.get("keyQuestions") or {}).items():
        if isinstance(val, dict):
            yes, rel = whole(val["yes"]), whole(val["relevant"])
            assert yes <= rel
            results[k] = Fraction(yes, rel) if rel else None
        else:
            assert 0 <= val <= 100
            results[k] = Fraction(val) / 100
    tallies = {}
    for case in d.get("cases") or []:
        for k, a in (case.get("answers") or {}).items():
            a = norm(a, ANSWERS)
            t = tallies.setdefault(k, [0, 0])
            t[0] += a == "Yes"
            t[1] += a != "NotApplicable"
    for k, (yes, rel) in tallies.items():
        assert k not in results, f"{k} in both places"
        results[k] = Fraction(yes, rel) if rel else None
    assert set(results) == set(KQ_IDS), set(KQ_IDS) ^ set(results)
    out, score, max_score, notrated = {}, 0, 0, False
    for s in ("P1.1", "P1.2", "P1.3"):
        r = norm(d["organisational"][s], RATINGS)
        out[s] = {"rating": r}
    for s in ("P2.1", "P2.2", "P2.3", "P2.4"):
        driven, low = None, None
        for q in (1, 2, 3):
            r = results[f"{s}.{q}"]
            if r is not None and (low is None or r < low):
                driven, low = f"{s}.{q}", r
        computed = "NotRated" if low is None else band(low)
        final = computed
        ov = (d.get("overrides") or {}).get(s)
        if ov:
            assert ov["reason"].strip()
            final = norm(ov["rating"], RATINGS)
        out[s] = {"rating": final, "computedRating": computed, "drivenBy": driven}
    for s, o in out.items():
        if o["rating"] == "NotRated":
            notrated = True
        else:
            o["points"] = POINTS[o["rating"]]
            score += o["points"]
            max_score += 3
    overall = "NotRated" if notrated else "Inadequate" if score <= 5 else "RequiresImprovement" if score <= 10 else "Good" if score <= 15 else "Outstanding"
    result = {"standards": out, "score": score, "maxScore": max_score, "overall": overall}
    if "cases" in d and d["cases"]:
        reset = adjusted = 0
        for case in d["cases"]:
            if case.get("suspended") and not case.get("exemption"):
                reset += 1
                days = (datetime.date.fromisoformat(case["suspended"]) - datetime.date.fromisoformat(case["start"])).days
                assert days >= 0
                adjusted += days <= 56
        result.update({"casesInspected": len(d["cases"]), "resetCases": reset, "adjustedCases": adjusted})
    return result


def check_against_evaluator(name, text):
    exp = json.loads(text)["expected"]
    got = evaluate(text)
    for field in ("score", "maxScore", "overall", "casesInspected", "resetCases", "adjustedCases"):
        if field in exp:
            want = exp[field] if field != "overall" else norm(exp[field], RATINGS)
            assert want == got[field], f"{name}: {field} expected {want}, evaluator {got[field]}"
    assert set(exp["standards"]) == {"P1.1", "P1.2", "P1.3", "P2.1", "P2.2", "P2.3", "P2.4"}, name
    for s, e in exp["standards"].items():
        e = {"rating": e} if isinstance(e, str) else e
        for field, want in e.items():
            if field in ("rating", "computedRating"):
                want = norm(want, RATINGS)
            assert got["standards"][s].get(field) == want, f"{name}: {s}.{field} expected {want}, evaluator {got['standards'][s].get(field)}"
    if json.loads(text).get("cases"):
        assert "casesInspected" in exp, f"{name}: a document with cases gives its case counts"


def write(folder, name, content):
    path = os.path.join(HERE, folder, name + ".json")
    data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
    with open(path, "wb") as f:
        f.write(data)


def main():
    for folder in ("bad", "valid", "verify-fail"):
        shutil.rmtree(os.path.join(HERE, folder), ignore_errors=True)
        os.makedirs(os.path.join(HERE, folder))
    bad = bad_documents()
    for name, content in bad.items():
        write("bad", name, content)
    valid = valid_documents()
    for name, content in valid.items():
        text = content if isinstance(content, str) else dump(content) + "\n"
        check_against_evaluator(name, text.lstrip("\ufeff"))
        write("valid", name, text)
    fails = verify_fail_documents()
    for name, content in fails.items():
        write("verify-fail", name, content)
    print(f"{len(bad)} bad, {len(valid)} valid, {len(fails)} verify-fail")


if __name__ == "__main__":
    main()
