/**
 * SSH client profiles: the banner a client sends and its key-exchange offer, copied from real
 * Cowrie logs (realdata/tpot-2022). The HASSH is not stored: it is computed as HASSH is defined,
 * the MD5 of "kex;enc;mac;comp", so banner, algorithms and fingerprint always agree.
 * Weights give a 2019-like mix (libssh and libssh2 bots first, Go scanners, a tail of others).
 */
import { createHash } from "node:crypto";

export interface SshClientProfile {
  version: string;
  weight: number;
  /** Other banners sent with the same key-exchange offer (one HASSH, several versions), with weights. */
  variants?: ReadonlyArray<readonly [string, number]>;
  kexAlgs: readonly string[];
  keyAlgs: readonly string[];
  encCS: readonly string[];
  macCS: readonly string[];
  compCS: readonly string[];
}

export interface SshClient extends SshClientProfile {
  hassh: string;
  hasshAlgorithms: string;
}

const PROFILES: readonly SshClientProfile[] = [
  {
    version: "SSH-2.0-libssh-0.6.3",
    weight: 30,
    kexAlgs: ["curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1"],
    keyAlgs: ["ecdsa-sha2-nistp256", "ssh-rsa", "ssh-dss"],
    encCS: ["aes256-ctr", "aes192-ctr", "aes128-ctr", "aes256-cbc", "aes192-cbc", "aes128-cbc", "blowfish-cbc", "3des-cbc", "des-cbc-ssh1"],
    macCS: ["hmac-sha1"],
    compCS: ["none"],
  },
  {
    version: "SSH-2.0-libssh2_1.4.3",
    weight: 22,
    kexAlgs: ["diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1", "diffie-hellman-group1-sha1"],
    keyAlgs: ["ssh-rsa", "ssh-dss"],
    encCS: ["aes128-ctr", "aes192-ctr", "aes256-ctr", "aes256-cbc", "rijndael-cbc@lysator.liu.se", "aes192-cbc", "aes128-cbc", "blowfish-cbc", "arcfour128", "arcfour", "cast128-cbc", "3des-cbc"],
    macCS: ["hmac-sha1", "hmac-sha1-96", "hmac-md5", "hmac-md5-96", "hmac-ripemd160", "hmac-ripemd160@openssh.com"],
    compCS: ["none"],
  },
  {
    version: "SSH-2.0-Go",
    weight: 14,
    kexAlgs: ["curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group14-sha256", "diffie-hellman-group14-sha1", "ext-info-c"],
    keyAlgs: ["rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com", "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa", "ssh-dss", "ssh-ed25519"],
    encCS: ["aes128-gcm@openssh.com", "chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr"],
    macCS: ["hmac-sha2-256-etm@openssh.com", "hmac-sha2-256", "hmac-sha1", "hmac-sha1-96"],
    compCS: ["none"],
  },
  {
    version: "SSH-2.0-libssh_0.9.6",
    weight: 3,
    kexAlgs: ["curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group18-sha512", "diffie-hellman-group16-sha512", "diffie-hellman-group-exchange-sha256", "diffie-hellman-group14-sha256", "diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1", "ext-info-c"],
    keyAlgs: ["ssh-ed25519", "ecdsa-sha2-nistp521", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa", "ssh-dss"],
    encCS: ["aes256-gcm@openssh.com", "aes128-gcm@openssh.com", "aes256-ctr", "aes192-ctr", "aes128-ctr", "aes256-cbc", "aes192-cbc", "aes128-cbc", "3des-cbc"],
    macCS: ["hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1"],
    compCS: ["none"],
  },
  {
    version: "SSH-2.0-paramiko_1.16.0",
    weight: 6,
    kexAlgs: ["diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1", "diffie-hellman-group-exchange-sha256"],
    keyAlgs: ["ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256"],
    encCS: ["aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-cbc", "blowfish-cbc", "aes192-cbc", "aes256-cbc", "3des-cbc", "arcfour128", "arcfour256"],
    macCS: ["hmac-sha2-256", "hmac-sha2-512", "hmac-md5", "hmac-sha1-96", "hmac-md5-96", "hmac-sha1"],
    compCS: ["none"],
  },
  {
    version: "SSH-2.0-OpenSSH_7.4",
    weight: 4,
    variants: [
      ["SSH-2.0-OpenSSH_7.2p2 Ubuntu-4ubuntu2.8", 1.5],
      ["SSH-2.0-OpenSSH_7.4p1 Debian-10+deb9u6", 1],
      ["SSH-2.0-OpenSSH_7.6p1 Ubuntu-4ubuntu0.3", 1],
      ["SSH-2.0-OpenSSH_7.9", 0.5],
      ["SSH-2.0-OpenSSH_8.0", 0.3],
    ],
    kexAlgs: ["diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group14-sha256", "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group-exchange-sha1", "diffie-hellman-group-exchange-sha256", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "curve25519-sha256", "curve25519-sha256@libssh.org", "ext-info-c"],
    keyAlgs: ["ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com", "ssh-ed25519-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-ed25519", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"],
    encCS: ["des", "3des", "blowfish", "none", "3des-cbc", "blowfish-cbc", "cast128-cbc", "arcfour", "arcfour128", "arcfour256", "aes128-cbc", "aes192-cbc", "aes256-cbc", "rijndael-cbc@lysator.liu.se", "aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com"],
    macCS: ["hmac-sha1", "hmac-sha1-96", "hmac-sha2-256", "hmac-sha2-512", "hmac-md5", "hmac-md5-96", "hmac-ripemd160", "hmac-ripemd160@openssh.com", "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha1-etm@openssh.com", "hmac-sha1-96-etm@openssh.com", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-md5-etm@openssh.com", "hmac-md5-96-etm@openssh.com", "hmac-ripemd160-etm@openssh.com", "umac-64-etm@openssh.com", "umac-128-etm@openssh.com"],
    compCS: ["none", "zlib@openssh.com", "zlib"],
  },
  {
    version: "SSH-2.0-libssh2_1.8.0",
    weight: 4,
    kexAlgs: ["diffie-hellman-group-exchange-sha256", "diffie-hellman-group-exchange-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1"],
    keyAlgs: ["ssh-rsa", "ssh-dss"],
    encCS: ["aes128-ctr", "aes192-ctr", "aes256-ctr", "aes256-cbc", "rijndael-cbc@lysator.liu.se", "aes192-cbc", "aes128-cbc", "blowfish-cbc", "arcfour128", "arcfour", "cast128-cbc", "3des-cbc"],
    macCS: ["hmac-sha2-256", "hmac-sha2-512", "hmac-sha1", "hmac-sha1-96", "hmac-md5", "hmac-md5-96", "hmac-ripemd160", "hmac-ripemd160@openssh.com"],
    compCS: ["none"],
  },
  {
    version: "SSH-2.0-AsyncSSH_2.1.0",
    weight: 1,
    kexAlgs: ["curve25519-sha256", "curve25519-sha256@libssh.org", "curve448-sha512", "ecdh-sha2-nistp521", "ecdh-sha2-nistp384", "ecdh-sha2-nistp256", "ecdh-sha2-1.3.132.0.10", "diffie-hellman-group-exchange-sha256", "diffie-hellman-group-exchange-sha1", "diffie-hellman-group14-sha256", "diffie-hellman-group15-sha512", "diffie-hellman-group16-sha512", "diffie-hellman-group17-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1", "rsa2048-sha256", "rsa1024-sha1", "ext-info-c"],
    keyAlgs: ["ssh-ed25519-cert-v01@openssh.com", "ssh-ed448-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-1.3.132.0.10-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com", "ssh-ed25519", "ssh-ed448", "ecdsa-sha2-nistp521", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp256", "ecdsa-sha2-1.3.132.0.10", "rsa-sha2-256", "rsa-sha2-512", "ssh-rsa", "ssh-dss"],
    encCS: ["chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com", "aes128-gcm@openssh.com", "aes256-ctr", "aes192-ctr", "aes128-ctr", "aes256-cbc", "aes192-cbc", "aes128-cbc", "3des-cbc", "blowfish-cbc", "cast128-cbc", "arcfour256", "arcfour128", "arcfour"],
    macCS: ["umac-64-etm@openssh.com", "umac-128-etm@openssh.com", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com", "hmac-md5-etm@openssh.com", "hmac-sha2-256-96-etm@openssh.com", "hmac-sha2-512-96-etm@openssh.com", "hmac-sha1-96-etm@openssh.com", "hmac-md5-96-etm@openssh.com", "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1", "hmac-md5", "hmac-sha2-256-96", "hmac-sha2-512-96", "hmac-sha1-96", "hmac-md5-96"],
    compCS: ["zlib@openssh.com", "zlib", "none"],
  },
  {
    version: "SSH-2.0-ZGrab ZGrab SSH Survey",
    weight: 3,
    kexAlgs: ["diffie-hellman-group-exchange-sha256", "diffie-hellman-group-exchange-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1"],
    keyAlgs: ["ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-ed25519-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com", "ssh-rsa-cert-v00@openssh.com", "ssh-dss-cert-v00@openssh.com", "ssh-ed25519", "ssh-rsa", "ssh-dss"],
    encCS: ["aes128-ctr", "aes192-ctr", "aes256-ctr", "arcfour256", "arcfour128", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com", "aes128-cbc", "3des-cbc", "blowfish-cbc", "cast128-cbc", "aes192-cbc", "aes256-cbc", "arcfour", "rijndael-cbc@lysator.liu.se"],
    macCS: ["hmac-md5-etm@openssh.com", "hmac-sha1-etm@openssh.com", "umac-64-etm@openssh.com", "umac-128-etm@openssh.com", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-ripemd160-etm@openssh.com", "hmac-sha1-96-etm@openssh.com", "hmac-md5-96-etm@openssh.com", "hmac-md5", "hmac-sha1", "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-ripemd160", "hmac-ripemd160@openssh.com", "hmac-sha1-96", "hmac-md5-96"],
    compCS: ["none", "zlib@openssh.com", "zlib"],
  },
  {
    version: "SSH-2.0-OpenSSH_7.9p1 Raspbian-10+deb10u2",
    weight: 2,
    kexAlgs: ["curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256", "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256", "diffie-hellman-group14-sha1", "ext-info-c"],
    keyAlgs: ["ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com", "ssh-ed25519-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-ed25519", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"],
    encCS: ["chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com"],
    macCS: ["umac-64-etm@openssh.com", "umac-128-etm@openssh.com", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com", "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1"],
    compCS: ["none", "zlib@openssh.com", "zlib"],
  },
  {
    version: "SSH-2.0-Go",
    weight: 3,
    kexAlgs: ["curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1"],
    keyAlgs: ["ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com", "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa", "ssh-dss", "ssh-ed25519"],
    encCS: ["aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-gcm@openssh.com", "arcfour256", "arcfour128"],
    macCS: ["hmac-sha2-256", "hmac-sha1", "hmac-sha1-96"],
    compCS: ["none"],
  },
  {
    version: "SSH-2.0-jsssh.0.1",
    weight: 1,
    kexAlgs: ["diffie-hellman-group14-sha1"],
    keyAlgs: ["ssh-rsa"],
    encCS: ["aes128-ctr"],
    macCS: ["hmac-sha1"],
    compCS: ["none"],
  },
];

/** Every banner with its algorithms and HASSH (variants share their profile's HASSH). */
export const SSH_CLIENTS: readonly SshClient[] = PROFILES.flatMap((profile) => {
  const hasshAlgorithms = [profile.kexAlgs, profile.encCS, profile.macCS, profile.compCS].map((list) => list.join(",")).join(";");
  const hassh = createHash("md5").update(hasshAlgorithms).digest("hex");
  const { variants = [], ...base } = profile;
  return [{ ...base, hasshAlgorithms, hassh }, ...variants.map(([version, weight]) => ({ ...base, version, weight, hasshAlgorithms, hassh }))];
});
