"""The CAMEO 1.1b3 event ontology: names, Goldstein values, quad classes and PLOVER type/mode.

One table, loaded once with ``Ontology.load()`` and looked up by code everywhere (coder, exports,
evaluation). The facts live in ``data/cameo.tsv`` and ``data/cameo_plover.tsv`` (sources noted there).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover_type: str | None = None  # None for roots 01 and 02, which PLOVER drops
    plover_mode: str | None = None
    plover_context: str | None = None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def plover(self) -> dict[str, str | None]:
        return {"type": self.plover_type, "mode": self.plover_mode}


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


@dataclass(frozen=True)
class Ontology:
    codes: dict[str, CameoCode]

    @classmethod
    def load(cls, data: Path = DATA) -> Ontology:
        plover = {r["cameo"]: r for r in _rows(data / "cameo_plover.tsv")}
        codes = {}
        for r in _rows(data / "cameo.tsv"):
            code = r["code"]
            # a code without its own PLOVER row takes the nearest listed ancestor's (0211 → 021 → 02)
            mapped = next((plover[code[:n]] for n in range(len(code), 1, -1) if code[:n] in plover), None)
            codes[code] = CameoCode(
                code=code,
                name=r["name"],
                goldstein=float(r["goldstein"]),
                quad_class=int(r["quad_class"]),
                plover_type=(mapped or {}).get("type") or None,
                plover_mode=(mapped or {}).get("mode") or None,
                plover_context=(mapped or {}).get("context") or None,
            )
        return cls(codes)

    def __getitem__(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise KeyError(f"not a CAMEO 1.1b3 code: {code!r}") from None

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __len__(self) -> int:
        return len(self.codes)

    def roots(self) -> list[str]:
        return sorted(c for c in self.codes if len(c) == 2)
