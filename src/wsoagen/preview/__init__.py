"""`wsoagen preview`: the plan's HTML editions served locally, re-rendered and reloaded on every save.

- documents: the HTML editions, from the build's own HTML stage (no PDF or Word)
- watch: snapshots of the plan folder's files, to notice saves
- state: the current editions and their version; waiting for the next one; PDF/Word on demand
- pages: the index, the error page and the reload script
- server: the HTTP server (127.0.0.1 by default, local Host headers only, no files by path)
"""
