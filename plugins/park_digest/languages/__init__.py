"""The site's languages: zh-Hant by OpenCC (variants) and English from the translation memory."""
