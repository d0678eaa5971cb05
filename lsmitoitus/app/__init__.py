"""The what-if web app (Streamlit): ``lsmitoitus app``."""
