"""Region names and codes (Chinese, traditional, pinyin, English) and the recognition of fields by name."""
