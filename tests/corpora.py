"""Small corpora of my own for the reader-facing checks: a port strike told by named outlets, a
site known only from its URL, an article with no title, outlet or URL, and an older article."""

from __future__ import annotations

from pathlib import Path

HARBOUR_DATE = "2025-05-08"
# Files whose names must never reach a reader.
HARBOUR_FILES = ("0007_scan", "0008_untitled", "herald_0001", "courier_0002", "archive_0005")

HARBOUR = {
    "brief.toml": """title = "Eastmouth port strike"
handling = "Restricted"
""",
    "herald_0001.md": """---
title: "Eastmouth dockers vote to extend strike as talks stall over pay and pensions"
outlet: "Harbour Herald"
author: "Ana Lindqvist"
date: 2025-05-06
url: "https://harbourherald.example/news/strike"
---
Dock workers at the port of Eastmouth voted on Tuesday to extend their strike for another week, union leaders said.

The port authority offered a 3% pay rise, which the union rejected as far below inflation.

Shipping lines have begun diverting container vessels to Northhaven, the harbour master said.

Talks are expected to resume next week under a government mediator, officials said.
""",
    "courier_0002.md": """---
title: "Port strike goes on"
outlet: "Riverside Courier"
date: 2025-05-07
url: "https://www.riversidecourier.example/port-strike"
---
Dock workers at the port of Eastmouth voted on Tuesday to extend their strike for another week, union leaders said.

The port authority offered a 4% pay rise, which the union rejected as far below inflation.

A senior port official said the authority could not afford a higher offer this year.

Exporters warned that perishable goods were spoiling on the quays, a trade association said on Wednesday.
""",
    "0007_scan.md": """---
title: ""
outlet: ""
date: 2025-05-07
url: "https://www.portnews.example/item/77"
---
Eastmouth's mayor called on both sides to return to the negotiating table, saying the city was losing trade every day.

The mayor said the council would host the talks at the town hall if the mediator agreed.
""",
    "0008_untitled.md": """---
title: ""
outlet: ""
author: ""
date: 2025-05-07
---
Freight rates from Northhaven rose sharply as diverted ships queued outside the harbour, brokers said.

Several logistics firms said they had suspended bookings to Eastmouth until the strike ends.
""",
    "archive_0005.md": """---
title: "Eastmouth union warns of summer strike"
outlet: "Harbour Herald"
date: 2025-04-20
---
The dockers' union warned on Sunday that it would strike in May if the pay talks failed.

The port authority said at the time that a strike would cost the regional economy millions each week.
""",
}


def write_harbour(folder: Path) -> Path:
    """Write the port-strike corpus into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in HARBOUR.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
