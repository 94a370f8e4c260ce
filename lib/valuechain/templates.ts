/**
 * Starting boards for common value chains. Goods flow left to right: one column per step
 * (COLUMN px apart), parallel players stacked in rows (ROW px apart). Each template is filled
 * in the way a finished workshop would leave it — decisions, reasons, strategies, transactions
 * and volume shares — so that a new team sees what a complete answer looks like.
 */
import { DEFAULT_BOARD_TITLE, makeChannel, makePlayer, type Board, type Channel, type Player } from "./model";

const COLUMN = 320;
const ROW = 170;

export const TEMPLATE_IDS = ["blank", "building-products", "industrial-components", "consumer-goods-retail", "software-resellers"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface Template {
  id: TemplateId;
  name: string;
  description: string;
  board: Board;
}

type PlayerSpec = Pick<Player, "id" | "name" | "kind"> & Partial<Omit<Player, "x" | "y">> & { column: number; row: number };
type ChannelSpec = Pick<Channel, "from" | "to" | "flow"> & Partial<Pick<Channel, "label" | "share">>;

function players(specs: PlayerSpec[]): Player[] {
  return specs.map(({ column, row, ...fields }) => makePlayer({ ...fields, x: column * COLUMN, y: row * ROW }));
}

/** Channels numbered c1, c2, … in the order given. */
function channels(specs: ChannelSpec[]): Channel[] {
  return specs.map((spec, i) => makeChannel({ id: `c${i + 1}`, ...spec }));
}

const blank: Board = { title: DEFAULT_BOARD_TITLE, players: [], channels: [] };

const buildingProducts: Board = {
  title: "Building products value chain",
  players: players([
    { id: "p1", name: "Glass and profile supplier", kind: "supplier", column: 0, row: 1, customer: "no", why: "We buy glass and profiles from them; they buy nothing from us." },
    { id: "p2", name: "Window manufacturer (us)", kind: "manufacturer", column: 1, row: 1, isUs: true },
    {
      id: "p3", name: "Builders' merchant", kind: "distributor", column: 2, row: 0, aliases: ["Distributor", "Wholesaler"],
      customer: "yes", why: "Holds regional stock and pays our invoices.", strategy: "push", transaction: "direct",
    },
    {
      id: "p4", name: "Window dealer", kind: "retailer", column: 3, row: 0, aliases: ["Reseller", "Showroom"],
      customer: "yes", why: "Decides which brands homeowners see; we win them with training and displays although the merchant invoices them.",
      strategy: "push-pull", transaction: "indirect",
    },
    {
      id: "p5", name: "Installer", kind: "installer", column: 4, row: 1, aliases: ["Fitter"],
      customer: "yes", why: "Chooses the window on most small jobs.", strategy: "pull", transaction: "indirect",
    },
    {
      id: "p6", name: "Project installer", kind: "installer", column: 4, row: 3, aliases: ["Contractor"],
      customer: "yes", why: "Buys directly from us for large projects won through architects' tenders.", strategy: "specification", transaction: "direct",
    },
    {
      id: "p7", name: "Homeowner", kind: "end-user", column: 5, row: 1, consumer: true,
      customer: "no", why: "Lives with the window but buys a fitted job from an installer; we create demand, we do not sell to them.",
      strategy: "pull", transaction: "indirect",
    },
    {
      id: "p8", name: "Architect", kind: "specifier", column: 3, row: 4,
      customer: "no", why: "Never buys, but writes products into tenders and advises homeowners.", strategy: "specification",
    },
  ]),
  channels: channels([
    { from: "p1", to: "p2", flow: "goods", label: "glass and profiles" },
    { from: "p2", to: "p3", flow: "goods", label: "stock orders", share: 70 },
    { from: "p2", to: "p6", flow: "goods", label: "project deliveries", share: 30 },
    { from: "p3", to: "p4", flow: "goods", share: 70 },
    { from: "p3", to: "p5", flow: "goods", label: "trade counter", share: 30 },
    { from: "p4", to: "p5", flow: "goods", share: 100 },
    { from: "p5", to: "p7", flow: "goods", label: "fitted", share: 100 },
    { from: "p6", to: "p7", flow: "goods", label: "fitted", share: 100 },
    { from: "p1", to: "p2", flow: "commercial", label: "invoices us" },
    { from: "p2", to: "p3", flow: "commercial", label: "invoice" },
    { from: "p2", to: "p6", flow: "commercial", label: "invoice at project price" },
    { from: "p8", to: "p6", flow: "influence", label: "specifies in tenders" },
    { from: "p8", to: "p7", flow: "influence", label: "recommends" },
  ]),
};

const industrialComponents: Board = {
  title: "Industrial components value chain",
  players: players([
    { id: "p1", name: "Steel mill", kind: "supplier", column: 0, row: 1, customer: "no", why: "Supplies our steel; buys nothing from us." },
    { id: "p2", name: "Bearing manufacturer (us)", kind: "manufacturer", column: 1, row: 1, isUs: true },
    {
      id: "p3", name: "OEM machine builder", kind: "manufacturer", column: 2, row: 0, aliases: ["OEM", "Machine builder"],
      customer: "yes", why: "Buys in volume for first fit under an annual contract we invoice.", strategy: "specification", transaction: "direct",
    },
    {
      id: "p4", name: "Industrial distributor", kind: "distributor", column: 2, row: 2, aliases: ["Power transmission distributor"],
      customer: "yes", why: "Holds aftermarket stock and pays our invoices.", strategy: "push", transaction: "direct",
    },
    {
      id: "p5", name: "Maintenance service company", kind: "service-provider", column: 3, row: 3, aliases: ["MRO contractor"],
      customer: "undecided", why: "Sales counts them as customers; Finance does not, as they buy through distributors.",
      strategy: "pull", transaction: "indirect",
    },
    {
      id: "p6", name: "Factory running the machines", kind: "end-user", column: 4, row: 1, consumer: true, aliases: ["Plant"],
      customer: "no", why: "Gets our bearings inside machines or through a distributor; never buys from us.", strategy: "pull", transaction: "indirect",
    },
    {
      id: "p7", name: "OEM design engineer", kind: "specifier", column: 1, row: 3,
      customer: "no", why: "Chooses the bearing in the machine design but never buys it.", strategy: "specification",
    },
  ]),
  channels: channels([
    { from: "p1", to: "p2", flow: "goods", label: "steel" },
    { from: "p2", to: "p3", flow: "goods", label: "first fit", share: 60 },
    { from: "p2", to: "p4", flow: "goods", label: "replacement stock", share: 40 },
    { from: "p3", to: "p6", flow: "goods", label: "built into machines", share: 100 },
    { from: "p4", to: "p6", flow: "goods", label: "spare parts", share: 70 },
    { from: "p4", to: "p5", flow: "goods", share: 30 },
    { from: "p5", to: "p6", flow: "goods", label: "fitted during maintenance", share: 100 },
    { from: "p2", to: "p3", flow: "commercial", label: "annual contract" },
    { from: "p2", to: "p4", flow: "commercial", label: "distributor price list" },
    { from: "p7", to: "p3", flow: "influence", label: "designs our bearing in" },
  ]),
};

const consumerGoodsRetail: Board = {
  title: "Consumer goods retail value chain",
  players: players([
    { id: "p1", name: "Ingredient supplier", kind: "supplier", column: 0, row: 1, customer: "no", why: "We buy ingredients and packaging from them." },
    { id: "p2", name: "Snack brand (us)", kind: "manufacturer", column: 1, row: 1, isUs: true },
    {
      id: "p3", name: "Grocery wholesaler", kind: "wholesaler", column: 2, row: 0, aliases: ["Cash and carry"],
      customer: "yes", why: "Buys full pallets and resells to independent shops.", strategy: "push", transaction: "direct",
    },
    {
      id: "p4", name: "Independent grocer", kind: "retailer", column: 3, row: 0, aliases: ["Corner shop"],
      customer: "no", why: "Buys from the wholesaler and is too small for our sales team to visit.", strategy: "pull", transaction: "indirect",
    },
    {
      id: "p5", name: "Supermarket chain", kind: "retailer", column: 3, row: 1, aliases: ["Multiple", "Key account"],
      customer: "yes", why: "Our largest account: central listing, promotions and invoices.", strategy: "push-pull", transaction: "direct",
    },
    {
      id: "p6", name: "Online marketplace", kind: "retailer", column: 3, row: 2,
      customer: "yes", why: "Buys stock from us and sells it online.", strategy: "push", transaction: "direct",
    },
    {
      id: "p7", name: "Shopper", kind: "end-user", column: 4, row: 1, consumer: true, aliases: ["Consumer"],
      customer: "yes", why: "Chooses at the shelf and buys from our own webshop; our brand marketing is aimed at them.",
      strategy: "pull", transaction: "direct",
    },
  ]),
  channels: channels([
    { from: "p1", to: "p2", flow: "goods", label: "ingredients and packaging" },
    { from: "p2", to: "p3", flow: "goods", share: 25 },
    { from: "p2", to: "p5", flow: "goods", label: "central warehouse", share: 50 },
    { from: "p2", to: "p6", flow: "goods", share: 15 },
    { from: "p2", to: "p7", flow: "goods", label: "own webshop", share: 10 },
    { from: "p3", to: "p4", flow: "goods", share: 100 },
    { from: "p4", to: "p7", flow: "goods", share: 100 },
    { from: "p5", to: "p7", flow: "goods", share: 100 },
    { from: "p6", to: "p7", flow: "goods", label: "parcel delivery", share: 100 },
    { from: "p2", to: "p3", flow: "commercial", label: "invoice" },
    { from: "p2", to: "p5", flow: "commercial", label: "listing agreement" },
    { from: "p2", to: "p6", flow: "commercial", label: "invoice" },
    { from: "p2", to: "p7", flow: "commercial", label: "webshop orders" },
  ]),
};

const softwareResellers: Board = {
  title: "Software sold direct and through resellers",
  players: players([
    { id: "p1", name: "Cloud hosting provider", kind: "service-provider", column: 0, row: 1, customer: "no", why: "We buy hosting from them." },
    { id: "p2", name: "Software company (us)", kind: "manufacturer", column: 1, row: 1, isUs: true, aliases: ["Vendor"] },
    {
      id: "p3", name: "Software distributor", kind: "distributor", column: 2, row: 0,
      customer: "yes", why: "Recruits and finances small resellers; we invoice them.", strategy: "push", transaction: "direct",
    },
    {
      id: "p4", name: "Value-added reseller", kind: "retailer", column: 3, row: 0, aliases: ["Partner", "VAR"],
      customer: "yes", why: "Sells, implements and supports; our top partners buy from us directly.", strategy: "push", transaction: "direct",
    },
    {
      id: "p5", name: "Managed service provider", kind: "service-provider", column: 3, row: 2, aliases: ["MSP"],
      customer: "yes", why: "Bundles our software into a monthly service and pays our invoices.", strategy: "push", transaction: "direct",
    },
    {
      id: "p6", name: "Business customer", kind: "end-user", column: 4, row: 1, consumer: true, aliases: ["Client", "End customer"],
      customer: "yes", why: "Uses the software; mid-size and large accounts subscribe with us directly.", strategy: "push-pull", transaction: "direct",
    },
    {
      id: "p7", name: "IT consultant", kind: "specifier", column: 3, row: 3,
      customer: "no", why: "Recommends software in selections but never buys licences.", strategy: "specification",
    },
  ]),
  channels: channels([
    { from: "p1", to: "p2", flow: "goods", label: "hosting" },
    { from: "p2", to: "p3", flow: "goods", label: "licences for the channel", share: 20 },
    { from: "p2", to: "p4", flow: "goods", label: "licences at partner price", share: 30 },
    { from: "p2", to: "p5", flow: "goods", label: "licences in a managed service", share: 15 },
    { from: "p2", to: "p6", flow: "goods", label: "direct subscriptions", share: 35 },
    { from: "p3", to: "p4", flow: "goods", share: 100 },
    { from: "p4", to: "p6", flow: "goods", share: 100 },
    { from: "p5", to: "p6", flow: "goods", share: 100 },
    { from: "p1", to: "p2", flow: "commercial", label: "invoices us" },
    { from: "p2", to: "p3", flow: "commercial", label: "invoice" },
    { from: "p2", to: "p4", flow: "commercial", label: "partner invoice" },
    { from: "p2", to: "p5", flow: "commercial", label: "monthly invoice" },
    { from: "p2", to: "p6", flow: "commercial", label: "subscription" },
    { from: "p7", to: "p6", flow: "influence", label: "recommends" },
  ]),
};

export const TEMPLATES: Record<TemplateId, Template> = {
  blank: { id: "blank", name: "Blank board", description: "An empty board to draw your own value chain.", board: blank },
  "building-products": {
    id: "building-products",
    name: "Building products",
    description: "A window manufacturer selling through merchants, dealers and installers to homeowners, with architects specifying.",
    board: buildingProducts,
  },
  "industrial-components": {
    id: "industrial-components",
    name: "Industrial components",
    description: "A component maker selling first fit to machine builders and spare parts through distributors and service companies.",
    board: industrialComponents,
  },
  "consumer-goods-retail": {
    id: "consumer-goods-retail",
    name: "Consumer goods retail",
    description: "A brand selling through wholesalers, supermarkets, an online marketplace and its own webshop to shoppers.",
    board: consumerGoodsRetail,
  },
  "software-resellers": {
    id: "software-resellers",
    name: "Software and resellers",
    description: "A software company selling subscriptions directly and through a distributor, resellers and managed service providers.",
    board: softwareResellers,
  },
};

/** A fresh, independent copy of a template's board, safe to edit. */
export function boardFromTemplate(id: TemplateId): Board {
  return structuredClone(TEMPLATES[id].board);
}
