"""B5 baseline: the usual script — every function of every region, one at a time, read
with GetFunctionConfiguration to see its layers."""

import sys

import boto3

endpoint, layer, regions = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
kw = dict(endpoint_url=endpoint, aws_access_key_id="testing", aws_secret_access_key="testing")
uses = 0
for region in regions:
    lam = boto3.client("lambda", region_name=region, **kw)
    for page in lam.get_paginator("list_functions").paginate():
        for fn in page["Functions"]:
            conf = lam.get_function_configuration(FunctionName=fn["FunctionName"])
            uses += sum(1 for l in conf.get("Layers", []) if f":layer:{layer}:" in l["Arn"])
print(uses)
