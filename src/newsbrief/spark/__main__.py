"""``python -m newsbrief.spark`` or ``spark-submit .../newsbrief/spark/__main__.py``."""

from newsbrief.spark.main import main

if __name__ == "__main__":
    main()
