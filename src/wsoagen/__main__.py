"""`python -m wsoagen` runs the command line."""

from wsoagen.cli import main

if __name__ == "__main__":  # not when a render worker, started with spawn, imports this as its parent's __main__
    raise SystemExit(main())
