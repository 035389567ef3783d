#!/usr/bin/env python3
"""Writes graph-v1.0-properties.json: the v1.0 properties of the types the sandbox answers with.

Input: clean_v10_metadata/cleanMetadata.xml of github.com/microsoftgraph/msgraph-metadata (the
Graph v1.0 CSDL). Usage: extract.py cleanMetadata.xml COMMIT > graph-v1.0-properties.json

Every complex type reachable from the roots is kept (an open type that declares no property, a property
bag such as resourceData, is marked "open": true); a navigation property's name is kept, but its
target type only when it is itself a root (e.g. message.attachments -> attachment).
"""
import json
import sys
import xml.etree.ElementTree as ET

ROOTS = ["user", "message", "mailFolder", "messageRule", "attachment", "fileAttachment", "event", "calendar",
         "mailboxSettings", "scheduleInformation", "contact", "contactFolder", "drive", "driveItem",
         "permission", "uploadSession", "searchResponse", "subscription", "changeNotificationCollection"]
NS = "{http://docs.oasis-open.org/odata/ns/edm}"


def short(name):
    for prefix in ("graph.", "microsoft.graph."):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def element(type_name):
    inner = type_name[len("Collection("):-1] if type_name.startswith("Collection(") else type_name
    return short(inner)


def main(path, commit):
    schema = ET.parse(path).getroot().find(f".//{NS}Schema")
    declared = {}
    for kind in ("EntityType", "ComplexType"):
        for node in schema.findall(f"{NS}{kind}"):
            properties = {p.get("Name"): short_type(p.get("Type")) for p in node.findall(f"{NS}Property")}
            navigation = {p.get("Name"): short_type(p.get("Type")) for p in node.findall(f"{NS}NavigationProperty")}
            declared[node.get("Name")] = {"base": short(node.get("BaseType")) if node.get("BaseType") else None,
                                          "properties": properties, "navigation": navigation,
                                          "open": node.get("OpenType") == "true"}
    kept, todo = {}, list(ROOTS)
    while todo:
        name = todo.pop()
        if name in kept or name not in declared:
            continue
        kept[name] = declared[name]
        if declared[name]["base"]:
            todo.append(declared[name]["base"])
        for type_name in declared[name]["properties"].values():
            if element(type_name) in declared:
                todo.append(element(type_name))
        for type_name in declared[name]["navigation"].values():
            if element(type_name) in ROOTS:
                todo.append(element(type_name))
    out = {"_source": "github.com/microsoftgraph/msgraph-metadata, clean_v10_metadata/cleanMetadata.xml at "
                      + commit + ", by src/test/resources/graph-v1.0/extract.py",
           "types": {}}
    for name in sorted(kept):
        t = kept[name]
        out["types"][name] = {"base": t["base"],
                              "properties": {k: v for k, v in sorted({**t["properties"], **t["navigation"]}.items())}}
        if t["open"] and not t["properties"] and not t["navigation"]:
            # A property bag (resourceData): any property is allowed. Open types that declare properties
            # (message, driveItem, identity…) are checked against what they declare, as before.
            out["types"][name]["open"] = True
    json.dump(out, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


def short_type(type_name):
    if type_name.startswith("Collection("):
        return "Collection(" + short(type_name[len("Collection("):-1]) + ")"
    return short(type_name)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
