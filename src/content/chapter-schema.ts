import { z } from 'astro/zod';

/**
 * The frontmatter of a chapter (content/chapters/NN-slug.mdx).
 * The descriptions are the single source of the field documentation: docs/AUTHORING.md is generated from them.
 */
export const chapterSchema = z
  .object({
    title: z.string().min(3).describe('The chapter title, as shown at the top of the page and in the sidebar.'),
    shortTitle: z
      .string()
      .min(2)
      .max(28)
      .describe('A short label (at most 28 characters) used on the map of the receive path and in previous/next links.'),
    stage: z
      .number()
      .int()
      .min(0)
      .max(99)
      .describe('Position on the path: 0 is the overview, 1-11 the receive stages, then troubleshooting and the send path. Orders the sidebar and the map; must be unique.'),
    summary: z
      .string()
      .min(20)
      .max(240)
      .describe('One or two sentences on what happens at this stage; shown on the map, on the home page and in search results.'),
    objectives: z
      .array(z.string().min(5))
      .min(1)
      .describe('What a learner can do after the chapter, each starting with a verb ("Explain why ...", "Read ...").'),
    kernelFunctions: z
      .array(
        z
          .object({
            name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a C identifier').describe('The function or structure, as spelled in the kernel (`net_rx_action`).'),
            file: z.string().regex(/^[\w./-]+\.[ch]$/, 'a kernel source path such as net/core/dev.c').describe('The source file it is defined in, relative to the kernel tree (`net/core/dev.c`).'),
          })
          .strict(),
      )
      .default([])
      .describe('Kernel functions and data structures the chapter covers, with the source file they live in.'),
    tunables: z
      .array(
        z
          .object({
            name: z.string().min(2).describe('The name as the learner types it: `net.core.netdev_budget`, `rps_cpus`, `ethtool -G rx`.'),
            default: z.string().describe('The default value as text (quote numbers in YAML: "300").'),
          })
          .strict(),
      )
      .default([])
      .describe('Tunables the chapter covers (sysctl names, sysfs files, ethtool settings) with their default on Linux 6.18.'),
    counters: z
      .array(
        z
          .object({
            name: z.string().min(2).describe('The counter as the tool names it (`time_squeeze`, `rx_missed_errors`).'),
            where: z.string().min(2).describe('Where to read it: a file (`/proc/net/softnet_stat`) or a command (`ethtool -S eth0`).'),
          })
          .strict(),
      )
      .default([])
      .describe('Counters that show this stage at work or in trouble, and where to read them (a file or a command).'),
    references: z
      .array(
        z
          .object({
            title: z.string().min(3).describe('What the learner will find there.'),
            url: z.string().url().describe('A full https:// address.'),
          })
          .strict(),
      )
      .min(1)
      .describe('Sources for the chapter: kernel files and documentation, articles; listed at the end of the page.'),
  })
  .strict();

export type ChapterFrontmatter = z.infer<typeof chapterSchema>;
