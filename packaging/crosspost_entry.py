"""Entry point of the frozen app (PyInstaller): the same ``main`` as ``python -m crosspost``."""

import multiprocessing
import sys

from crosspost.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # photo batches use worker processes
    sys.exit(main())
