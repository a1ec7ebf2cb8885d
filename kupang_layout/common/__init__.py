"""Common stage: Qt-free services every layer may use (atomic writes, user folders, run folders).

This package sits below the model: it imports nothing else of the program but
`kupang_layout.errors` and `kupang_layout.i18n` (for the messages of
`common.messages`), so storage, the renderers, preflight, the GUI and the
command line all write files and find the user's folders the same way.
"""
