#!/bin/bash
# Usage: bench/spark_cluster.sh INPUT...   (then compare $WORK/out/briefs.json with newsbrief brief --format json)
# A Spark standalone cluster on this machine (one master, one worker of 2 cores), and the
# job submitted to its master URL as to any cluster: the package shipped with --py-files.
set -e
PYTHON=${PYTHON:-.venv/bin/python}
SPARK_HOME=$($PYTHON -c "import pyspark, os; print(os.path.dirname(pyspark.__file__))")
export SPARK_HOME SPARK_LOCAL_IP=127.0.0.1
W=${WORK:-/tmp/newsbrief-spark-cluster}; rm -rf $W; mkdir -p $W
$SPARK_HOME/bin/spark-class org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7177 --webui-port 8180 > $W/master.log 2>&1 &
echo $! > $W/master.pid
sleep 8
$SPARK_HOME/bin/spark-class org.apache.spark.deploy.worker.Worker spark://127.0.0.1:7177 --cores 2 --memory 4g --webui-port 8181 --work-dir $W/work > $W/worker.log 2>&1 &
echo $! > $W/worker.pid
sleep 8
(cd "$(dirname "$0")/../src" && zip -qr $W/newsbrief.zip newsbrief -x '*__pycache__*')
PYTHON=$(cd "$(dirname "$PYTHON")" && pwd)/$(basename "$PYTHON")  # absolute, not resolved: the venv
export PYSPARK_PYTHON=$PYTHON PYSPARK_DRIVER_PYTHON=$PYTHON
start=$(date +%s)
$SPARK_HOME/bin/spark-submit --master spark://127.0.0.1:7177 \
  --py-files $W/newsbrief.zip \
  --conf spark.executor.cores=2 --conf spark.cores.max=2 \
  --conf spark.executor.memory=2g --conf spark.executor.pyspark.memory=2g \
  --conf spark.ui.enabled=false \
  "$(dirname "$0")/../src/newsbrief/spark/__main__.py" "$@" --out $W/out > $W/submit.log 2>&1
echo "submit rc=$? seconds=$(( $(date +%s) - start ))"
kill $(cat $W/worker.pid) $(cat $W/master.pid)
