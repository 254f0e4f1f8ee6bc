"""Seeds a moto server for B10: ACCOUNTS accounts (moto puts each call in the account of its
role credentials, so STS AssumeRole into each account id gives that account's keys) x REGIONS
x N functions, with a layer of three versions per account and region (one of them unused).
Writes an AWS config and credentials file with one profile per account (acct-000 ...)."""

import io
import os
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor

import boto3

endpoint, accounts, per_region, regions, out = (sys.argv[1], int(sys.argv[2]), int(sys.argv[3]),
                                                sys.argv[4].split(","), sys.argv[5])
kw = dict(endpoint_url=endpoint)

buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("lambda_function.py", "def handler(e, c):\n    return 1\n")
code = buf.getvalue()

sts = boto3.client("sts", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing", **kw)
profiles = []


def seed(n):
    account = f"{100000000000 + n:012d}"
    c = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/bench", RoleSessionName="b10")["Credentials"]
    keys = dict(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                aws_session_token=c["SessionToken"])
    iam = boto3.client("iam", region_name="us-east-1", **keys, **kw)
    role = iam.create_role(RoleName="fn", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    for region in regions:
        lam = boto3.client("lambda", region_name=region, **keys, **kw)
        arns = [lam.publish_layer_version(LayerName="shared", Content={"ZipFile": code},
                                          CompatibleRuntimes=["python3.12"])["LayerVersionArn"] for _ in range(3)]
        for i in range(per_region):
            layers = [] if i % 5 == 4 else [arns[i % 2 + 1]]
            runtime = "python3.9" if i % 10 == 0 else "python3.12"
            lam.create_function(FunctionName=f"fn-{i:04d}", Runtime=runtime, Role=role,
                                Handler="lambda_function.handler", Code={"ZipFile": code}, Layers=layers)
    return n, keys


with ThreadPoolExecutor(8) as pool:
    for n, keys in pool.map(seed, range(accounts)):
        profiles.append((f"acct-{n:03d}", keys))
        print(f"account {n + 1}/{accounts} seeded", file=sys.stderr)

with open(os.path.join(out, "credentials"), "w") as f:
    for name, keys in profiles:
        f.write(f"[{name}]\n" + "".join(f"{k} = {v}\n" for k, v in keys.items()) + "\n")
with open(os.path.join(out, "config"), "w") as f:
    for name, _ in profiles:
        f.write(f"[profile {name}]\nregion = us-east-1\n\n")
with open(os.path.join(out, "profiles.txt"), "w") as f:
    f.write(",".join(name for name, _ in profiles))
