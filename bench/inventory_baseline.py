"""B10 baseline: the usual script, one account and one region at a time: every function
(ListFunctions), every layer and version (ListLayers, ListLayerVersions, GetLayerVersion) and
who each version is shared with (GetLayerVersionPolicy), from the profiles of the AWS files."""

import sys

import boto3

endpoint, profiles, regions = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(",")
functions = versions = 0
for profile in profiles:
    session = boto3.Session(profile_name=profile)
    for region in regions:
        lam = session.client("lambda", region_name=region, endpoint_url=endpoint)
        for page in lam.get_paginator("list_functions").paginate():
            functions += len(page["Functions"])
        for page in lam.get_paginator("list_layers").paginate():
            for layer in page["Layers"]:
                for vpage in lam.get_paginator("list_layer_versions").paginate(LayerName=layer["LayerName"]):
                    for v in vpage["LayerVersions"]:
                        lam.get_layer_version(LayerName=layer["LayerName"], VersionNumber=v["Version"])
                        try:
                            lam.get_layer_version_policy(LayerName=layer["LayerName"], VersionNumber=v["Version"])
                        except lam.exceptions.ResourceNotFoundException:
                            pass
                        versions += 1
print(functions, versions)
