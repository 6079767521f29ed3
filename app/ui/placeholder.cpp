// placeholder until the first class lands; remove then.
