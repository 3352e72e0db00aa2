"""One module per sub-command of ``qiake-auditor`` (the parser and exit codes live in cli.py).

Each module adds its parser to ``cli._PARSER_EXTENSIONS`` and registers its function
with ``@cli.command``; every one of them is a thin caller of :mod:`qiake_auditor.app`.
"""
