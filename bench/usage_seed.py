"""Seeds a moto server for B5: a layer with three versions in each region, and N
functions spread over the regions, each using one version (some none)."""

import io
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor

import boto3

endpoint, total, regions = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
kw = dict(endpoint_url=endpoint, aws_access_key_id="testing", aws_secret_access_key="testing")

buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("lambda_function.py", "def handler(e, c):\n    return 1\n")
code = buf.getvalue()

iam = boto3.client("iam", region_name="us-east-1", **kw)
role = iam.create_role(RoleName="bench", AssumeRolePolicyDocument="{}")["Role"]["Arn"]

for region in regions:
    lam = boto3.client("lambda", region_name=region, **kw)
    arns = [lam.publish_layer_version(LayerName="shared", Content={"ZipFile": code},
                                      CompatibleRuntimes=["python3.12"])["LayerVersionArn"] for _ in range(3)]
    count = total // len(regions)

    def create(i, lam=lam, arns=arns, region=region):
        layers = [] if i % 4 == 3 else [arns[i % 3]]
        lam.create_function(FunctionName=f"fn-{region}-{i:05d}", Runtime="python3.12", Role=role,
                            Handler="lambda_function.handler", Code={"ZipFile": code}, Layers=layers)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(create, range(count)))
    print(f"{region}: {count} functions", file=sys.stderr)
