/**
 * Exploit sources for the demo blog, so its posts show the "as of the week's end" rule at work.
 * The KEV entries are CISA's own (CC0, catalog 2025.08.25). The Exploit-DB rows are SAMPLE rows
 * written for the demo (author "honeyweek sample"), not copies of Exploit-DB: one WebLogic
 * deserialisation entry added 2019-07-10, ten days after the seed week (so "no PoC yet as of
 * 6/30", as the seed post found), and an older WebLogic entry that the keyword search finds.
 */
import { join } from "node:path";
import { writeFileAtomic } from "../../util/atomic.ts";

const HEADER = "id,file,description,date_published,author,type,platform,port,date_added,date_updated,verified,codes,tags,aliases,screenshot_url,application_url,source_url";
const ROWS = [
  `900001,exploits/multiple/remote/900001.py,"Oracle WebLogic Server 10.3.6 / 12.1.3 - 'wls9_async' Deserialization Remote Code Execution (sample row)",2019-07-08,honeyweek sample,remote,multiple,7001,2019-07-10,,0,CVE-2019-2725;CVE-2019-2729,,,,,`,
  `900002,exploits/multiple/remote/900002.py,"Oracle WebLogic Server - 'wls-wsat' Remote Code Execution (sample row)",2017-12-26,honeyweek sample,remote,multiple,7001,2017-12-27,,1,CVE-2017-10271,,,,,`,
  `900003,exploits/windows/remote/900003.rb,"Microsoft Windows RDP - 'BlueKeep' Remote Code Execution (sample row)",2019-09-06,honeyweek sample,remote,windows,3389,2019-09-09,,1,CVE-2019-0708,,,,,`,
];

const KEV = {
  title: "CISA Catalog of Known Exploited Vulnerabilities",
  catalogVersion: "2025.08.25",
  dateReleased: "2025-08-25T17:04:19.9796Z",
  count: 2,
  vulnerabilities: [
    {
      cveID: "CVE-2017-10271",
      vendorProject: "Oracle",
      product: "WebLogic Server",
      vulnerabilityName: "Oracle Corporation WebLogic Server Remote Code Execution Vulnerability",
      dateAdded: "2022-02-10",
      shortDescription: "Oracle Corporation WebLogic Server contains a vulnerability that allows for remote code execution.",
      requiredAction: "Apply updates per vendor instructions.",
      dueDate: "2022-08-10",
      knownRansomwareCampaignUse: "Known",
      notes: "https://nvd.nist.gov/vuln/detail/CVE-2017-10271",
      cwes: [],
    },
    {
      cveID: "CVE-2019-2725",
      vendorProject: "Oracle",
      product: "WebLogic Server",
      vulnerabilityName: "Oracle WebLogic Server, Injection",
      dateAdded: "2022-01-10",
      shortDescription: "Injection vulnerability in the Oracle WebLogic Server component of Oracle Fusion Middleware (subcomponent: Web Services).",
      requiredAction: "Apply updates per vendor instructions.",
      dueDate: "2022-07-10",
      knownRansomwareCampaignUse: "Known",
      notes: "https://nvd.nist.gov/vuln/detail/CVE-2019-2725",
      cwes: ["CWE-74"],
    },
  ],
};

/** Write the demo's exploit sources under `dir`; returns their paths for the demo settings. */
export async function writeDemoExploitSources(dir: string): Promise<{ exploitDbPath: string; kevPath: string }> {
  const exploitDbPath = join(dir, "files_exploits.csv");
  const kevPath = join(dir, "known_exploited_vulnerabilities.json");
  await writeFileAtomic(exploitDbPath, [HEADER, ...ROWS].join("\n") + "\n");
  await writeFileAtomic(kevPath, JSON.stringify(KEV, null, 2) + "\n");
  return { exploitDbPath, kevPath };
}
