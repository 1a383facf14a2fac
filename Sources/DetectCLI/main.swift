print("sigflare")
