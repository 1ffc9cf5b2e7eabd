"""`python -m factsuite`: the factsuite command."""

from factsuite.commands.cli import main

raise SystemExit(main())
