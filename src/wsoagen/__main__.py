"""`python -m wsoagen` runs the command line."""

from wsoagen.cli import main

raise SystemExit(main())
