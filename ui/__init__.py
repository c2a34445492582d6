"""Qt dialogs and docks of the plugin; they only talk to ``core`` and ``processing``."""
