/**
 * MITRE ATT&CK technique names for the codes incident stories cite most (ransomware, phishing,
 * intrusion, exfiltration), and the link to every technique's page. Names are ATT&CK's own,
 * in English in every locale, as ATT&CK publishes them; a code not listed is shown by its link.
 */
const NAMES: Record<string, string> = {
  T1003: 'OS Credential Dumping',
  T1021: 'Remote Services',
  'T1021.001': 'Remote Desktop Protocol',
  T1027: 'Obfuscated Files or Information',
  T1041: 'Exfiltration Over C2 Channel',
  T1047: 'Windows Management Instrumentation',
  T1048: 'Exfiltration Over Alternative Protocol',
  T1059: 'Command and Scripting Interpreter',
  T1070: 'Indicator Removal',
  T1071: 'Application Layer Protocol',
  T1078: 'Valid Accounts',
  T1105: 'Ingress Tool Transfer',
  T1110: 'Brute Force',
  T1133: 'External Remote Services',
  T1190: 'Exploit Public-Facing Application',
  T1485: 'Data Destruction',
  T1486: 'Data Encrypted for Impact',
  T1489: 'Service Stop',
  T1490: 'Inhibit System Recovery',
  T1491: 'Defacement',
  T1498: 'Network Denial of Service',
  T1562: 'Impair Defenses',
  T1566: 'Phishing',
  'T1566.001': 'Spearphishing Attachment',
  'T1566.002': 'Spearphishing Link',
  T1567: 'Exfiltration Over Web Service',
};

/** The technique's name, when this table has it. */
export function techniqueName(code: string): string | undefined {
  return NAMES[code];
}

/** The technique's page on attack.mitre.org (`T1566.001` → `/techniques/T1566/001/`); null for a code that is not one. */
export function techniqueUrl(code: string): string | null {
  const m = /^T(\d{4})(?:\.(\d{3}))?$/.exec(code);
  return m ? `https://attack.mitre.org/techniques/T${m[1]}/${m[2] ? `${m[2]}/` : ''}` : null;
}
