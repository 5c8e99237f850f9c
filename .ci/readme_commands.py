"""Print one of the README's two front-door commands, as written there, for `.ci/run` to execute.

    python3 .ci/readme_commands.py README.md 1   # install and run the demo
    python3 .ci/readme_commands.py README.md 2   # install and run the tests

The commands are the ```sh blocks of the section "## Two commands on a fresh machine"; there must be
exactly two, so README and CI cannot drift apart.
"""

import re
import sys

SECTION = "## Two commands on a fresh machine"


def front_door_commands(readme: str) -> list[str]:
    start = readme.index(SECTION) + len(SECTION)
    end = readme.find("\n## ", start)
    section = readme[start:end if end >= 0 else None]
    blocks = re.findall(r"^```sh\n(.*?)^```", section, flags=re.S | re.M)
    if len(blocks) != 2:
        raise SystemExit(f"README: expected 2 ```sh blocks under {SECTION!r}, found {len(blocks)}")
    return [block.strip() for block in blocks]


if __name__ == "__main__":
    path, which = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8") as handle:
        print(front_door_commands(handle.read())[which - 1])
